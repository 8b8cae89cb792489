using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace Tributary.Functions.Ingest;

/// <summary>
/// When the host fired a timer: its <c>TimerTrigger</c> binding data, the host's clock at invocation. A replayed
/// invocation carries the same value, so it maps to the same run; the worker's own clock is the fallback.
/// </summary>
public static class InvocationTime
{
    public const string BindingDataKey = "TimerTrigger";

    public static DateTimeOffset Of(FunctionContext context, TimeProvider fallback)
    {
        if (context.BindingContext.BindingData.TryGetValue(BindingDataKey, out var value) && value?.ToString() is { Length: > 0 } text &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var invoked))
        {
            return invoked;
        }
        return fallback.GetUtcNow();
    }
}
