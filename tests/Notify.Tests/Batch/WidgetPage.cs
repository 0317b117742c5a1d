namespace Notify.Tests.Batch;

/// <summary>
/// A page standing in for the vendor's widget: served from another origin, it calls Notify's front API the way
/// the widget does (credentials in the query of GETs and in text/plain JSON bodies of POSTs, one JSON POST that a
/// browser preflights) and shows the messages.
/// </summary>
public static class WidgetPage
{
    public static string Html(Uri notify, string projectId, string userId, string userHmac) => Template
        .Replace("{{api}}", notify.ToString()).Replace("{{project}}", projectId).Replace("{{user}}", userId).Replace("{{hmac}}", userHmac);

    private const string Template = """
        <!doctype html>
        <html><body>
        <h1>Inbox <span id="unread"></span></h1>
        <ul id="messages"></ul>
        <script>
        const api = "{{api}}";
        const auth = { projectId: "{{project}}", userId: "{{user}}", userHmac: "{{hmac}}" };
        async function load() {
          const response = await fetch(`${api}front/messages.list?${new URLSearchParams({ ...auth, skip: 0, limit: 10 })}`);
          const body = await response.json();
          document.getElementById("unread").textContent = body.unread;
          const list = document.getElementById("messages");
          list.replaceChildren(...body.messages.map(m => {
            const item = document.createElement("li");
            item.textContent = `${m.title}: ${m.content}`;
            item.dataset.read = m.readAt ? "yes" : "no";
            item.onclick = () => read(m.id);
            return item;
          }));
        }
        async function read(messageId) {
          await fetch(`${api}front/messages.read`, { method: "POST", body: JSON.stringify({ ...auth, messageId }) });
          await load();
        }
        async function muteEmail(notificationId) {
          const response = await fetch(`${api}front/users.setProfile`, {
            method: "POST", headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ ...auth, user: { preferences: { [notificationId]: { muteEmail: true } } } }),
          });
          return response.status;
        }
        async function withWrongHmac() {
          const response = await fetch(`${api}front/users.get?${new URLSearchParams({ ...auth, userHmac: "00" })}`);
          return `${response.status} ${(await response.json()).message}`;
        }
        load();
        </script>
        </body></html>
        """;
}
