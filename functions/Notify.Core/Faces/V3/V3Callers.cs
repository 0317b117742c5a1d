using Notify.Core.Apps;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>A front end acting as one user of one app.</summary>
public sealed record UserCaller(App App, string UserId);

/// <summary>Whoever acts on an inbox: one user, or the app's backend (naming a user, or not).</summary>
public sealed record InboxCaller(App App, string? UserId, bool IsBackend);

/// <summary>The v3 call pipeline: <see cref="FaceCall{TError}"/> with the v3 error dialect and body limit.</summary>
public sealed class V3Call(Microsoft.Extensions.Options.IOptions<NotifyOptions> options) : FaceCall<V3Error>(() => options.Value.MaxRequestBodyBytes);
