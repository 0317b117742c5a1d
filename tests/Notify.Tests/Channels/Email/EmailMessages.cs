using Notify.Core.Channels.Email;

namespace Notify.Tests.Channels.Email;

/// <summary>Builds test emails; every call gets a unique subject so tests can find their own mail.</summary>
internal static class EmailMessages
{
    public static EmailMessage To(string recipient, string? deliveryId = null) => new(
        deliveryId ?? $"delivery-{Guid.NewGuid():N}",
        new EmailAddress("noreply@notify.test", "Notify Test"),
        new EmailAddress(recipient, "Ana Souza"),
        $"Order shipped {Guid.NewGuid():N}",
        "<p>Your order <b>#42</b> shipped.</p>",
        "Your order #42 shipped.")
    {
        ReplyTo = [new EmailAddress("support@notify.test", "Support")],
        Cc = [new EmailAddress("cc@example.com", "Carbon Copy")],
        Bcc = [new EmailAddress("audit@example.com")],
    };
}
