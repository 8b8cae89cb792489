using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Replay;

/// <summary>
/// Table <c>replays</c> (PartitionKey = source, RowKey = replay id) holds each replay as requested; table
/// <c>replaydays</c> (PartitionKey = <c>{source}|{replay id}</c>, RowKey = <c>yyyyMMdd</c>) what each of its days did.
/// Every read is a point read or one partition, and the generations of a range are one RowKey range.
/// </summary>
public sealed class RawReplayStore(StorageAccount storage)
{
    private TableClient Replays => storage.Table(StorageNames.ReplaysTable);

    private TableClient Days => storage.Table(StorageNames.ReplayDaysTable);

    /// <summary>Inserts the replay; false when it exists already (someone else asked first).</summary>
    public async Task<bool> TryAddAsync(RawReplayRecord replay, CancellationToken cancellationToken)
    {
        try
        {
            await Replays.AddEntityAsync(ToEntity(replay), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Takes over a stale claim; false when someone else changed the row since it was read.</summary>
    public async Task<bool> TryReclaimAsync(RawReplayRecord replay, ETag seen, CancellationToken cancellationToken)
    {
        try
        {
            await Replays.UpdateEntityAsync(ToEntity(replay), seen, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Records that the claim's owner is still at work (or, with <paramref name="dispatched"/>, finished queueing).</summary>
    public Task TouchAsync(RawReplayRecord replay, DateTimeOffset claimedUtc, bool dispatched, CancellationToken cancellationToken) =>
        Replays.UpdateEntityAsync(new TableEntity(TableKey.Join(replay.Source), replay.Id)
        {
            [nameof(RawReplayRecord.ClaimedUtc)] = claimedUtc,
            [nameof(RawReplayRecord.Dispatched)] = dispatched,
        }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<(RawReplayRecord Replay, ETag ETag)?> GetAsync(string source, string id, CancellationToken cancellationToken)
    {
        var found = await Replays.GetEntityIfExistsAsync<TableEntity>(TableKey.Join(source), id, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? (FromEntity(e), e.ETag) : null;
    }

    /// <summary>Every generation of one source's range (a RowKey range, so never more than that range's replays).</summary>
    public async Task<IReadOnlyList<RawReplayRecord>> GenerationsAsync(string source, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var prefix = RawReplayIds.RangePrefix(from, to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Join(source)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "h"}");
        var replays = new List<RawReplayRecord>();
        await foreach (var e in Replays.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) replays.Add(FromEntity(e));
        return replays;
    }

    public async Task<RawReplayDayRecord?> GetDayAsync(string source, string id, DateOnly day, CancellationToken cancellationToken)
    {
        var found = await Days.GetEntityIfExistsAsync<TableEntity>(DayPartition(source, id), DayRow(day), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? FromDayEntity(e) : null;
    }

    public async Task<IReadOnlyList<RawReplayDayRecord>> DaysAsync(string source, string id, CancellationToken cancellationToken)
    {
        var days = new List<RawReplayDayRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DayPartition(source, id)}");
        await foreach (var e in Days.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) days.Add(FromDayEntity(e));
        return days;
    }

    public Task SaveDayAsync(string source, string id, RawReplayDayRecord day, CancellationToken cancellationToken) =>
        Days.UpsertEntityAsync(new TableEntity(DayPartition(source, id), DayRow(day.Day))
        {
            [nameof(RawReplayDayRecord.Day)] = RawReplayRequest.Text(day.Day),
            [nameof(RawReplayDayRecord.Done)] = day.Done,
            [nameof(RawReplayDayRecord.BlobsQueued)] = day.BlobsQueued,
            [nameof(RawReplayDayRecord.SkippedCount)] = day.SkippedCount,
            [nameof(RawReplayDayRecord.Skipped)] = JsonSerializer.Serialize(day.Skipped.Take(RawReplayDayRecord.MaxListedSkips)),
            [nameof(RawReplayDayRecord.UpdatedUtc)] = day.UpdatedUtc,
            [nameof(RawReplayDayRecord.Error)] = day.Error,
        }, TableUpdateMode.Replace, cancellationToken);

    private static string DayPartition(string source, string id) => TableKey.Join(source, id);

    private static string DayRow(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(RawReplayRecord r) => new(TableKey.Join(r.Source), r.Id)
    {
        [nameof(RawReplayRecord.Source)] = r.Source,
        [nameof(RawReplayRecord.From)] = RawReplayRequest.Text(r.From),
        [nameof(RawReplayRecord.To)] = RawReplayRequest.Text(r.To),
        [nameof(RawReplayRecord.Generation)] = r.Generation,
        [nameof(RawReplayRecord.DaysTotal)] = r.DaysTotal,
        [nameof(RawReplayRecord.StartedUtc)] = r.StartedUtc,
        [nameof(RawReplayRecord.ClaimedUtc)] = r.ClaimedUtc,
        [nameof(RawReplayRecord.Dispatched)] = r.Dispatched,
    };

    private static RawReplayRecord FromEntity(TableEntity e) => new(
        e.GetString(nameof(RawReplayRecord.Source)), e.RowKey,
        Date(e.GetString(nameof(RawReplayRecord.From))), Date(e.GetString(nameof(RawReplayRecord.To))),
        e.GetInt32(nameof(RawReplayRecord.Generation)) ?? 0, e.GetInt32(nameof(RawReplayRecord.DaysTotal)) ?? 0,
        e.GetDateTimeOffset(nameof(RawReplayRecord.StartedUtc)) ?? default, e.GetDateTimeOffset(nameof(RawReplayRecord.ClaimedUtc)) ?? default,
        e.GetBoolean(nameof(RawReplayRecord.Dispatched)) ?? false);

    private static RawReplayDayRecord FromDayEntity(TableEntity e) => new(
        Date(e.GetString(nameof(RawReplayDayRecord.Day))), e.GetBoolean(nameof(RawReplayDayRecord.Done)) ?? false,
        e.GetInt32(nameof(RawReplayDayRecord.BlobsQueued)) ?? 0, e.GetInt32(nameof(RawReplayDayRecord.SkippedCount)) ?? 0,
        JsonSerializer.Deserialize<List<SkippedBlob>>(e.GetString(nameof(RawReplayDayRecord.Skipped)) ?? "[]") ?? [],
        e.GetDateTimeOffset(nameof(RawReplayDayRecord.UpdatedUtc)) ?? default, e.GetString(nameof(RawReplayDayRecord.Error)));

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, RawReplayRequest.DateFormat, CultureInfo.InvariantCulture);
}
