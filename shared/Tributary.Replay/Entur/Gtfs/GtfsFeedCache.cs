using System.Security.Cryptography;
using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.Gtfs;

/// <summary>One published GTFS ZIP: its bytes, strong ETag and publish time.</summary>
internal sealed record GtfsFeed(byte[] Zip, string ETag, DateTimeOffset LastModified);

/// <summary>
/// The dataset is republished daily at 04:00 Oslo time: the feed served is the one of the latest publish time at or
/// before the replay clock's now, built once per publish date.
/// </summary>
internal sealed class GtfsFeedCache(EnturNetwork network)
{
    private readonly Lock _gate = new();
    private GtfsFeed? _current;

    public GtfsFeed At(DateTimeOffset now)
    {
        var local = OsloTime.ToOslo(now);
        var publishDate = DateOnly.FromDateTime(local.DateTime).AddDays(local.Hour < 4 ? -1 : 0);
        var publishedAt = new DateTimeOffset(publishDate.ToDateTime(new TimeOnly(4, 0)), OsloTime.Zone.GetUtcOffset(publishDate.ToDateTime(new TimeOnly(4, 0))));
        lock (_gate)
        {
            if (_current?.LastModified != publishedAt)
            {
                using var zip = new MemoryStream();
                GtfsFeedBuilder.Write(zip, network, publishedAt);
                var bytes = zip.ToArray();
                _current = new GtfsFeed(bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"", publishedAt);
            }

            return _current;
        }
    }
}
