using System.Net;

namespace Tributary.Replay.OpenMeteo;

internal static partial class OpenMeteoLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Open-Meteo rate limit hit by {Client}: {Reason}")]
    public static partial void RateLimited(ILogger logger, IPAddress? client, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Open-Meteo request rejected: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Open-Meteo answered with injected fault {Mode}")]
    public static partial void FaultServed(ILogger logger, string mode);
}
