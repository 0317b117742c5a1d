namespace Notify.Tests.Live;

/// <summary>A customer's page on its own origin that embeds Notify's inbox component with one script tag.</summary>
public static class InboxComponentPage
{
    public static string Html(Uri notify, string apiKey, string userId) => Template
        .Replace("{{notify}}", notify.ToString()).Replace("{{key}}", apiKey).Replace("{{user}}", userId);

    private const string Template = """
        <!doctype html>
        <html lang="en"><head>
        <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Shop</title>
        <script src="{{notify}}inbox.js" defer></script>
        <style>
          body { margin: 0; font: 15px system-ui, sans-serif; background: #f7f7f8; }
          header { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; background: #fff; border-bottom: 1px solid #ddd; }
          main { padding: 16px; color: #555; }
        </style>
        </head><body>
        <header><strong>Shop</strong><notify-inbox api-key="{{key}}" user-id="{{user}}"></notify-inbox></header>
        <main>Your orders and account.</main>
        </body></html>
        """;
}
