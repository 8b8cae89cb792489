namespace Tributary.Replay.Entur;

internal static partial class EnturLog
{
    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Entur rate limit hit by {Client}: {Policy}")]
    public static partial void RateLimited(ILogger logger, string client, string policy);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Entur request rejected with {Status}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Entur answered with injected fault {Mode}")]
    public static partial void FaultServed(ILogger logger, string mode);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Entur token issued to client {ClientId}, expires {ExpiresAt:o}")]
    public static partial void TokenIssued(ILogger logger, string clientId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Entur token request refused: {Error}")]
    public static partial void TokenRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Entur tokens expired on request: {Count}")]
    public static partial void TokensExpired(ILogger logger, int count);
}
