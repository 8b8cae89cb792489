using NCrontab;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Triggers;

/// <summary>
/// A timer trigger with the host's semantics: NCRONTAB parsed by NCrontab as the host's timer extension parses it
/// (with seconds, unless the expression has exactly 5 fields) after <c>%NAME%</c> substitution, evaluated in UTC; a schedule monitor blob unless the schedule fires more than once a minute;
/// one past-due run at start when the recorded Next has passed (missed runs collapse into one), otherwise a run
/// on start when <c>runOnStartup</c>; runs never overlap, and an overrun is followed by one catch-up run.
/// </summary>
public sealed partial class TimerTrigger
{
    private readonly FunctionMetadata _function;
    private readonly CrontabSchedule _schedule;
    private readonly bool _runOnStartup;
    private readonly ScheduleMonitor? _monitor;
    private readonly IFunctionInvoker _invoker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TimerTrigger(FunctionMetadata function, AppSettings settings, bool forceRunOnStartup, ScheduleMonitor monitor,
        IFunctionInvoker invoker, TimeProvider time, ILogger logger)
    {
        _function = function;
        var expression = settings.Resolve(function.Property("schedule")
            ?? throw new InvalidOperationException($"{function.Name}: timerTrigger has no 'schedule'."), $"{function.Name} schedule");
        _schedule = Parse(expression, function.Name);
        _runOnStartup = forceRunOnStartup || bool.TryParse(function.Property("runOnStartup"), out var r) && r;
        var useMonitor = !bool.TryParse(function.Property("useMonitor"), out var u) || u;
        _monitor = useMonitor && !FiresMoreThanOncePerMinute(time.GetUtcNow()) ? monitor : null;
        _invoker = invoker;
        _time = time;
        _logger = logger;
        Expression = expression;
    }

    public string Expression { get; }

    public static CrontabSchedule Parse(string expression, string functionName)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields != 5 });
        }
        catch (CrontabException ex)
        {
            throw new InvalidOperationException(
                $"{functionName}: schedule '{expression}' is not a valid NCRONTAB expression (second minute hour day month day-of-week): {ex.Message}", ex);
        }
    }

    public DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var next = _schedule.GetNextOccurrence(utc, utc.AddYears(5));
        return next >= utc.AddYears(5)
            ? throw new InvalidOperationException($"{_function.Name}: the schedule '{Expression}' does not fire within five years.")
            : new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var status = _monitor is null ? null : await _monitor.GetAsync(_function.Name, cancellationToken);
        var ranAtStart = false;
        if (_monitor is not null)
        {
            if (status is null)
            {
                status = new ScheduleStatus(default, NextAfter(now), now);
                await _monitor.SetAsync(_function.Name, status, cancellationToken);
            }
            else if (NextAfter(status.Last == default ? status.LastUpdated : status.Last) != status.Next)
            {
                // The schedule changed since the status was written: start over, and do not count that as past due.
                status = new ScheduleStatus(status.Last, NextAfter(now), now);
                await _monitor.SetAsync(_function.Name, status, cancellationToken);
            }
            else if (now > status.Next)
            {
                LogPastDue(_logger, _function.Name, status.Next);
                status = await InvokeAsync(status, isPastDue: true, scheduled: null, cancellationToken);
                ranAtStart = true;
            }
        }
        if (!ranAtStart && _runOnStartup)
        {
            status = await InvokeAsync(status, isPastDue: false, scheduled: null, cancellationToken);
        }

        var next = NextAfter(_time.GetUtcNow());
        while (!cancellationToken.IsCancellationRequested)
        {
            LogNext(_logger, _function.Name, next);
            var wait = next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
            status = await InvokeAsync(status, isPastDue: false, scheduled: next, cancellationToken);
            var following = NextAfter(next);
            // A run that overran one or more occurrences is followed by one immediate catch-up run, not one per miss.
            next = following <= _time.GetUtcNow() ? _time.GetUtcNow() : following;
        }
    }

    private async Task<ScheduleStatus?> InvokeAsync(ScheduleStatus? status, bool isPastDue, DateTimeOffset? scheduled, CancellationToken cancellationToken)
    {
        var invokedAt = _time.GetUtcNow();
        var (inputs, metadata) = TriggerPayloads.Timer(_function.TriggerName, status, isPastDue, invokedAt);
        await _invoker.InvokeAsync(_function.Name, inputs, metadata, cancellationToken);
        if (_monitor is null) return null;
        // Success or not, the status moves on; a timer that fired early records the occurrence it stood for.
        var last = scheduled is { } s && s > invokedAt ? s : invokedAt;
        var updated = new ScheduleStatus(last, NextAfter(last), last);
        await _monitor.SetAsync(_function.Name, updated, cancellationToken);
        return updated;
    }

    private bool FiresMoreThanOncePerMinute(DateTimeOffset now)
    {
        var first = _schedule.GetNextOccurrence(now.UtcDateTime);
        var second = _schedule.GetNextOccurrence(first);
        return second - first < TimeSpan.FromMinutes(1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} is past due (was due {Due:O}); running it once now")]
    private static partial void LogPastDue(ILogger logger, string functionName, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {FunctionName} next fires at {Next:O}")]
    private static partial void LogNext(ILogger logger, string functionName, DateTimeOffset next);
}
