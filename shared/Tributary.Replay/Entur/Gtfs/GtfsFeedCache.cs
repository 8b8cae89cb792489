using System.Security.Cryptography;
using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.Gtfs;

/// <summary>One published GTFS ZIP: its bytes, strong ETag and publish time.</summary>
internal sealed record GtfsFeed(byte[] Zip, string ETag, DateTimeOffset LastModified);

/// <summary>
/// The dataset is republished daily at 04:00 Oslo time: the feed served is the one of the latest publish time at or
/// before the replay clock's now, built once per publish date.
/// </summary>
internal sealed class GtfsFeedCache(GtfsFeedBuilder builder)
{
    public static readonly TimeOnly PublishTime = new(4, 0);

    private readonly Lock _gate = new();
    private (DateOnly Date, GtfsFeed Feed)? _current;

    public GtfsFeed At(DateTimeOffset now)
    {
        var local = OsloTime.ToOslo(now);
        var publishDate = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < PublishTime)
        {
            publishDate = publishDate.AddDays(-1);
        }

        lock (_gate)
        {
            if (_current is { } current && current.Date == publishDate)
            {
                return current.Feed;
            }

            var publishedAt = OsloTime.FromOsloWallTime(publishDate.ToDateTime(PublishTime));
            var zip = builder.Build(publishDate, publishedAt);
            var feed = new GtfsFeed(zip, $"\"{Convert.ToHexStringLower(SHA256.HashData(zip).AsSpan(0, 16))}\"", publishedAt);
            _current = (publishDate, feed);
            return feed;
        }
    }
}
