using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Tributary.Sources.Manifests;
using Tributary.Storage;

namespace Tributary.Sources.RateBudgets;

/// <summary>
/// A proactive, persisted rate budget per source: at most N calls per fixed clock window (aligned like the vendors'
/// own counters), counted in table <c>ratebudgets</c> with optimistic concurrency so several instances and timer runs
/// share one count; plus a "blocked until" set from the vendor's own rate-limit answers. A caller waits for the next
/// window when the wait is short, and gets <see cref="RateBudgetExhaustedException"/> when it is not.
/// </summary>
public sealed class RateBudgetGate(StorageAccount storage, TimeProvider time)
{
    private const string Row = "blocked"; // The vendor's "not before"; each budget window has a row of its own.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    private TableClient Table => storage.Table(StorageNames.RateBudgetsTable);

    /// <returns>How long the call waited for the budget.</returns>
    public async Task<TimeSpan> AcquireAsync(string source, RateBudgetSpec spec, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(source, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var windows = spec.AllWindows.ToList();
            var waited = TimeSpan.Zero;
            while (true)
            {
                var now = time.GetUtcNow();
                var blocked = await ReadAsync(source, Row, cancellationToken);
                DateTimeOffset? until = blocked.BlockedUntil > now ? blocked.BlockedUntil : null;
                var states = new List<(RateLimitWindow Window, BudgetState State, DateTimeOffset Start, int Used)>();
                foreach (var window in windows)
                {
                    if (until is not null) break;
                    var state = await ReadAsync(source, WindowRow(window), cancellationToken);
                    var start = WindowStart(now, window.WindowSeconds);
                    var used = state.WindowStart == start ? state.Used : 0;
                    if (used >= window.Requests) until = start.AddSeconds(window.WindowSeconds);
                    states.Add((window, state, start, used));
                }
                if (until is null)
                {
                    // Every window has room: count the call in each. A lost race re-reads all of them; counting one
                    // window twice that way only ever under-uses the budget, never exceeds it.
                    var counted = true;
                    foreach (var (window, state, start, used) in states)
                    {
                        counted &= await TryWriteAsync(source, WindowRow(window), state, start, used + 1, default, cancellationToken);
                        if (!counted) break;
                    }
                    if (counted) return waited;
                    continue;
                }
                var wait = until.Value - now;
                if (wait > TimeSpan.FromSeconds(spec.MaxWaitSeconds)) throw new RateBudgetExhaustedException(source, until.Value);
                await Task.Delay(wait, time, cancellationToken);
                waited += wait;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Records that the vendor asked for no calls before <paramref name="until"/>.</summary>
    public async Task BlockUntilAsync(string source, DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var state = await ReadAsync(source, Row, cancellationToken);
            if (state.BlockedUntil >= until) return;
            if (await TryWriteAsync(source, Row, state, default, 0, until, cancellationToken)) return;
        }
    }

    internal static DateTimeOffset WindowStart(DateTimeOffset now, int windowSeconds)
    {
        var ticks = TimeSpan.FromSeconds(windowSeconds).Ticks;
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % ticks, TimeSpan.Zero);
    }

    private static string WindowRow(RateLimitWindow window) => $"window-{window.WindowSeconds}s";

    private async Task<BudgetState> ReadAsync(string source, string row, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(source, row, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e
            ? new BudgetState(e.ETag, e.GetDateTimeOffset("WindowStart") ?? default, e.GetInt32("Used") ?? 0, e.GetDateTimeOffset("BlockedUntil") ?? default)
            : new BudgetState(null, default, 0, default);
    }

    private async Task<bool> TryWriteAsync(string source, string row, BudgetState state, DateTimeOffset windowStart, int used, DateTimeOffset blockedUntil, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(source, row) { ["WindowStart"] = windowStart, ["Used"] = used, ["BlockedUntil"] = blockedUntil };
        try
        {
            if (state.ETag is { } etag) await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            else await Table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private sealed record BudgetState(ETag? ETag, DateTimeOffset WindowStart, int Used, DateTimeOffset BlockedUntil);
}
