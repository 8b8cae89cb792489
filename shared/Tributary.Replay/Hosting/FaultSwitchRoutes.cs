namespace Tributary.Replay.Hosting;

/// <summary>A vendor's scripted-fault switch, as the <c>/_replay/faults/{vendor}</c> routes see it.</summary>
internal interface IFaultSwitch
{
    string Vendor { get; }

    /// <summary>The URL spelling of the current mode, e.g. <c>server-error</c>.</summary>
    string CurrentName { get; }

    IReadOnlyList<string> Names { get; }

    /// <returns>False when <paramref name="name"/> is not one of <see cref="Names"/> (nothing changes).</returns>
    bool TrySet(string? name);
}

/// <summary><c>GET</c> reads a vendor's fault mode, <c>POST ?mode=</c> changes it; the same for every vendor.</summary>
internal static partial class FaultSwitchRoutes
{
    public static void MapFaultSwitch<TSwitch>(this IEndpointRouteBuilder app, string route)
        where TSwitch : IFaultSwitch
    {
        app.MapGet(route, (TSwitch faults) => TypedResults.Ok(new FaultState(faults.Vendor, faults.CurrentName)));
        app.MapPost(route, IResult (string? mode, TSwitch faults, ILoggerFactory loggers) =>
        {
            if (!faults.TrySet(mode))
            {
                return TypedResults.Problem(
                    detail: $"Query parameter 'mode' must be one of {string.Join(", ", faults.Names)}.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            FaultModeChanged(loggers.CreateLogger(typeof(FaultSwitchRoutes)), faults.Vendor, faults.CurrentName);
            return TypedResults.Ok(new FaultState(faults.Vendor, faults.CurrentName));
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {Vendor} fault mode is now '{Mode}'")]
    private static partial void FaultModeChanged(ILogger logger, string vendor, string mode);
}
