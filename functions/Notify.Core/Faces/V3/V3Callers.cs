using Microsoft.AspNetCore.Http;
using Notify.Core.Apps;

namespace Notify.Core.Faces.V3;

/// <summary>Either the authenticated caller or the error answer to give instead.</summary>
public readonly record struct Authenticated<T>(T? Caller, IResult? Failure)
{
    public static implicit operator Authenticated<T>(T caller) => new(caller, null);

    public static Authenticated<T> Fail(IResult failure) => new(default, failure);
}

/// <summary>A front end acting as one user of one app.</summary>
public sealed record UserCaller(App App, string UserId);

/// <summary>Whoever acts on an inbox: one user, or the app's backend (naming a user, or not).</summary>
public sealed record InboxCaller(App App, string? UserId, bool IsBackend);
