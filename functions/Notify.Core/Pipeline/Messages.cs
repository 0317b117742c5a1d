namespace Notify.Core.Pipeline;

/// <summary>On the <c>sends</c> queue: fan one accepted send out into delivery messages.</summary>
public sealed record SendMessage(string AppId, string SendId);

/// <summary>On the <c>deliveries</c> queue: deliver one recipient chunk of a send.</summary>
public sealed record DeliveryMessage(string AppId, string SendId, int Chunk);
