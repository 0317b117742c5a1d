namespace Notify.Core.Faces.V3;

public static class V3Headers
{
    public const string ApiKey = "X-ENGAGESPOT-API-KEY";
    public const string ApiSecret = "X-ENGAGESPOT-API-SECRET";
    /// <summary>The name some vendor documents use for the secret (the categories endpoints).</summary>
    public const string SecretKey = "X-ENGAGESPOT-SECRET-KEY";
    public const string UserId = "X-ENGAGESPOT-USER-ID";
    public const string UserSignature = "X-ENGAGESPOT-USER-SIGNATURE";
    public const string DeviceId = "X-ENGAGESPOT-DEVICE-ID";
}
