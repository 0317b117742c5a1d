namespace Notify.Core.Faces.V3;

public static class V3Limits
{
    public const int Identifier = 256;
    public const int Title = 1_000;
    public const int Message = 10_000;
    public const int Link = 2_048;
    public const int Category = 100;
    /// <summary>JSON stored in one string property; Table Storage caps those at 32K characters.</summary>
    public const int DataJson = 16_000;
    public const int InlineProfileJson = 8_000;
}
