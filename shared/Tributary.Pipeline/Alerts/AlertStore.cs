using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tributary.Storage;

namespace Tributary.Alerts;

/// <summary>
/// Table <c>alerts</c> (<see cref="AlertEntity"/>). Opening inserts the incident and its open marker in one
/// transaction: when either exists (an incident with that start, or any open incident of the rule and subject) the
/// insert fails and nothing changes, so replayed evaluations never open a second incident. Reads stay inside the
/// configured rules' partitions.
/// </summary>
public sealed class AlertStore(StorageAccount storage, IOptions<AlertsOptions> options)
{
    /// <summary>The most rows one list reads from one rule's partition.</summary>
    public const int MaxRowsPerRule = 1000;

    private readonly TableClient _table = storage.Table(StorageNames.AlertsTable);

    public TableClient Table => _table;

    public async Task<AlertEntity?> OpenMarkerAsync(string rule, string subject, CancellationToken cancellationToken) =>
        await GetAsync(rule, AlertEntity.MarkerKey(subject), cancellationToken);

    public async Task<AlertEntity?> GetAsync(string rule, string rowKey, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<AlertEntity>(rule, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <returns>The new incident, or null when it (or another open incident of the rule and subject) exists already.</returns>
    public async Task<AlertEntity?> TryOpenAsync(AlertEntity incident, CancellationToken cancellationToken)
    {
        var marker = incident with { RowKey = AlertEntity.MarkerKey(incident.Subject) };
        try
        {
            await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, incident), new TableTransactionAction(TableTransactionActionType.Add, marker)],
                cancellationToken);
            return incident;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Resolves the incident <paramref name="marker"/> points at: deletes the marker and updates the incident, both conditional.</summary>
    /// <returns>The resolved incident, or null when another evaluation changed it first.</returns>
    public async Task<AlertEntity?> TryResolveAsync(AlertEntity marker, DateTimeOffset resolvedUtc, string detail, CancellationToken cancellationToken)
    {
        if (await GetAsync(marker.Rule, marker.IncidentRowKey, cancellationToken) is not { State: AlertEntity.Open } incident) return null;
        var resolved = incident with { State = AlertEntity.Resolved, ResolvedUtc = resolvedUtc, ResolveDetail = detail };
        try
        {
            await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Delete, marker, marker.ETag),
                 new TableTransactionAction(TableTransactionActionType.UpdateReplace, resolved, incident.ETag)],
                cancellationToken);
            return resolved;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Replaces one row if it is still as read; false when it changed in between.</summary>
    public async Task<bool> TryReplaceAsync(AlertEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>The open markers of one rule.</summary>
    public Task<IReadOnlyList<AlertEntity>> OpenMarkersAsync(string rule, CancellationToken cancellationToken) =>
        RangeAsync(rule, AlertEntity.MarkerPrefix, cancellationToken);

    /// <summary>
    /// Incidents of the configured rules, newest first, in <paramref name="state"/> (<c>open</c>, <c>resolved</c> or
    /// <c>all</c>); <paramref name="source"/> keeps the rules watching it. Each rule is one partition's RowKey range.
    /// </summary>
    public async Task<IReadOnlyList<AlertSummary>> ListAsync(string state, string? source, int limit, CancellationToken cancellationToken)
    {
        var rules = options.Value.Rules.Where(r => source is null || r.Source == source).Select(r => r.Name).ToList();
        // The incident rows, not the markers: only they carry the delivery state.
        var rows = await Task.WhenAll(rules.Select(r => RangeAsync(r, AlertEntity.IncidentPrefix, cancellationToken)));
        return [.. rows.SelectMany(r => r)
            .Where(r => state is "all" || r.State == state)
            .OrderByDescending(r => r.OpenedUtc).ThenBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => r.ToSummary())];
    }

    /// <summary>The open incidents of the rules watching <paramref name="source"/>, newest first (for a source's status).</summary>
    public Task<IReadOnlyList<AlertSummary>> OpenForSourceAsync(string source, CancellationToken cancellationToken) =>
        ListAsync(AlertEntity.Open, source, 100, cancellationToken);

    private async Task<IReadOnlyList<AlertEntity>> RangeAsync(string rule, string prefix, CancellationToken cancellationToken)
    {
        // '|' + 1 is '}': the RowKeys that start with the prefix.
        var end = prefix[..^1] + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {rule} and RowKey ge {prefix} and RowKey lt {end}");
        var rows = new List<AlertEntity>();
        await foreach (var row in _table.QueryAsync<AlertEntity>(filter, maxPerPage: MaxRowsPerRule, cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == MaxRowsPerRule) break;
        }
        return rows;
    }
}
