using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Notify.Core.Faces.Kit;

/// <summary>A face's error answer: the call pipeline answers body problems and invalid input with it, in the face's dialect.</summary>
public interface IFaceError<TSelf> : IResult where TSelf : class, IFaceError<TSelf>
{
    static abstract TSelf BodyTooLarge();
    static abstract TSelf BodyMalformed();
    static abstract TSelf Invalid(IReadOnlyList<string> messages);
}

/// <summary>Either the authenticated caller or the face's answer to give instead.</summary>
public readonly record struct Authenticated<TCaller, TError>(TCaller? Caller, TError? Failure) where TError : class
{
    public static implicit operator Authenticated<TCaller, TError>(TCaller caller) => new(caller, null);

    public static implicit operator Authenticated<TCaller, TError>(TError failure) => new(default, failure);
}

/// <summary>Who calls, read from the request: the first stage of every call.</summary>
public delegate Task<Authenticated<TCaller, TError>> Authenticator<TCaller, TError>(HttpRequest request, CancellationToken ct)
    where TError : class;

/// <summary>Turns a JSON body into a face-neutral input, adding a message to <paramref name="v"/> for each problem.</summary>
public delegate TInput? BodyParser<TInput>(Validation v, JsonNode? body);

/// <summary>
/// One call pipeline per face: authenticate, then read and validate the body, then call the handler. Each
/// stage that fails answers in the face's dialect (<typeparamref name="TError"/>), so an endpoint is only
/// its handler, and a new face reuses this with its own authenticator and error type.
/// </summary>
public abstract class FaceCall<TError>(Func<int> maxBodyBytes) where TError : class, IFaceError<TError>
{
    /// <summary>A call without a body.</summary>
    public async Task<Results<TOk, TError>> RunAsync<TCaller, TOk>(
        HttpRequest request, Authenticator<TCaller, TError> authenticate, Func<TCaller, Task<Results<TOk, TError>>> handle, CancellationToken ct)
        where TOk : IResult
    {
        var caller = await authenticate(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        return await handle(caller.Caller!);
    }

    /// <summary>A call whose JSON body <paramref name="parse"/> turns into the handler's input.</summary>
    public async Task<Results<TOk, TError>> RunAsync<TCaller, TInput, TOk>(
        HttpRequest request, Authenticator<TCaller, TError> authenticate, BodyParser<TInput> parse,
        Func<TCaller, TInput, Task<Results<TOk, TError>>> handle, CancellationToken ct)
        where TOk : IResult
    {
        var caller = await authenticate(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (input, refusal) = await ReadAsync(request, parse, ct);
        if (refusal is not null) return refusal;
        return await handle(caller.Caller!, input!);
    }

    /// <summary>The body stage alone, for a call that must find something before it reads the body.</summary>
    public async Task<(TInput? Input, TError? Refusal)> ReadAsync<TInput>(HttpRequest request, BodyParser<TInput> parse, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync(request, maxBodyBytes(), ct);
        switch (body.Problem)
        {
            case BodyProblem.TooLarge: return (default, TError.BodyTooLarge());
            case BodyProblem.Malformed: return (default, TError.BodyMalformed());
        }
        var v = new Validation();
        var input = parse(v, body.Node);
        return v.IsValid && input is not null ? (input, null) : (default, TError.Invalid(v.Errors));
    }
}
