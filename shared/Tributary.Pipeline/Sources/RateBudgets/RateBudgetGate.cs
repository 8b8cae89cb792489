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
    private const string Row = "budget";
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    private TableClient Table => storage.Table(StorageNames.RateBudgetsTable);

    /// <returns>How long the call waited for the budget.</returns>
    public async Task<TimeSpan> AcquireAsync(string source, RateBudgetSpec spec, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(source, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var waited = TimeSpan.Zero;
            while (true)
            {
                var now = time.GetUtcNow();
                var state = await ReadAsync(source, cancellationToken);
                var until = state.BlockedUntil > now ? state.BlockedUntil : (DateTimeOffset?)null;
                if (until is null && spec.Requests > 0)
                {
                    var windowStart = WindowStart(now, spec.WindowSeconds);
                    var used = state.WindowStart == windowStart ? state.Used : 0;
                    if (used < spec.Requests)
                    {
                        if (await TryCountAsync(source, state, windowStart, used + 1, cancellationToken)) return waited;
                        continue; // Another instance counted first: read again.
                    }
                    until = windowStart.AddSeconds(spec.WindowSeconds);
                }
                if (until is null) return waited;
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
            var state = await ReadAsync(source, cancellationToken);
            if (state.BlockedUntil >= until) return;
            if (await TryWriteAsync(source, state, state.WindowStart, state.Used, until, cancellationToken)) return;
        }
    }

    internal static DateTimeOffset WindowStart(DateTimeOffset now, int windowSeconds)
    {
        var ticks = TimeSpan.FromSeconds(windowSeconds).Ticks;
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % ticks, TimeSpan.Zero);
    }

    private async Task<BudgetState> ReadAsync(string source, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(source, Row, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e
            ? new BudgetState(e.ETag, e.GetDateTimeOffset("WindowStart") ?? default, e.GetInt32("Used") ?? 0, e.GetDateTimeOffset("BlockedUntil") ?? default)
            : new BudgetState(null, default, 0, default);
    }

    private Task<bool> TryCountAsync(string source, BudgetState state, DateTimeOffset windowStart, int used, CancellationToken cancellationToken) =>
        TryWriteAsync(source, state, windowStart, used, state.BlockedUntil, cancellationToken);

    private async Task<bool> TryWriteAsync(string source, BudgetState state, DateTimeOffset windowStart, int used, DateTimeOffset blockedUntil, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(source, Row) { ["WindowStart"] = windowStart, ["Used"] = used, ["BlockedUntil"] = blockedUntil };
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
