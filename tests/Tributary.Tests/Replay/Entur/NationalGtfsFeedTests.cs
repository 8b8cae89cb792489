using System.IO.Compression;
using System.Text;
using Tributary.Replay.Entur.Gtfs;

namespace Tributary.Tests.Replay.Entur;

/// <summary>
/// The benchmark feed: the same code path as the served feed, at a scale the test can afford (the bench asks for
/// 2 million rows). Rows are counted while the ZIP is read back, and the stream the feed is written to cannot seek,
/// so nothing could have been buffered and patched afterwards.
/// </summary>
public sealed class NationalGtfsFeedTests
{
    [Fact]
    public void A_national_feed_reaches_the_asked_stop_times_streamed_and_its_stops_and_trips_join()
    {
        using var file = new MemoryStream();
        var written = GtfsFeedBuilder.WriteNational(new ForwardOnlyStream(file), seed: 7, minStopTimes: 200_000);

        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var stops = Column(zip, "stops.txt", 0).ToHashSet(StringComparer.Ordinal);
        var trips = Column(zip, "trips.txt", 1).ToHashSet(StringComparer.Ordinal);
        long rows = 0;
        foreach (var row in Rows(zip, "stop_times.txt"))
        {
            rows++;
            Assert.Contains(row[0], trips);
            Assert.Contains(row[2], stops);
        }

        Assert.Equal(written, rows);
        Assert.InRange(rows, 200_000, 230_000);
        Assert.Equal(["agency.txt", "calendar.txt", "feed_info.txt", "routes.txt", "stop_times.txt", "stops.txt", "trips.txt"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_another_network()
    {
        static byte[] Feed(int seed)
        {
            using var stream = new MemoryStream();
            GtfsFeedBuilder.WriteNational(stream, seed, 20_000);
            return stream.ToArray();
        }

        Assert.Equal(Feed(3), Feed(3));
        Assert.NotEqual(Feed(3), Feed(4));
    }

    private static IEnumerable<string> Column(ZipArchive zip, string file, int index) => Rows(zip, file).Select(row => row[index]);

    // The generated feed quotes nothing (no commas or quotes in its names), so a split is a faithful reader here.
    private static IEnumerable<string[]> Rows(ZipArchive zip, string file)
    {
        using var reader = new StreamReader(zip.GetEntry(file)!.Open(), Encoding.UTF8);
        reader.ReadLine();
        while (reader.ReadLine() is { } line) yield return line.Split(',');
    }

    /// <summary>A destination like a response body: write-only, no Position, no Seek.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
