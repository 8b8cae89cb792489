using System.Buffers.Binary;
using System.Text;

namespace Tributary.Infra.Tests;

/// <summary>One central-directory record: what unzip and the Functions host read to restore Unix file modes.</summary>
internal sealed record ZipRecord(string Name, byte MadeByHost, uint ExternalAttributes)
{
    /// <summary>Host 3 = Unix; only then do the upper 16 bits of the external attributes hold st_mode.</summary>
    public bool MadeOnUnix => MadeByHost == 3;

    public int UnixMode => (int)(ExternalAttributes >> 16);
}

/// <summary>
/// Reads a zip's central directory by hand, because System.IO.Compression exposes the external attributes
/// but not the "version made by" host, which decides whether readers honour them.
/// </summary>
internal static class ZipCentralDirectory
{
    public static IReadOnlyList<ZipRecord> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var end = FindEndOfCentralDirectory(bytes);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));

        var records = new List<ZipRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var header = bytes.AsSpan(offset);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x02014b50)
            {
                throw new InvalidDataException($"no central directory header at {offset}");
            }

            var madeBy = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            var external = BinaryPrimitives.ReadUInt32LittleEndian(header[38..]);
            var name = Encoding.UTF8.GetString(header.Slice(46, nameLength));
            records.Add(new ZipRecord(name, (byte)(madeBy >> 8), external));
            offset += 46 + nameLength + extraLength + commentLength;
        }

        return records;
    }

    private static int FindEndOfCentralDirectory(byte[] bytes)
    {
        for (var i = bytes.Length - 22; i >= Math.Max(0, bytes.Length - 22 - 65535); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x06054b50)
            {
                return i;
            }
        }

        throw new InvalidDataException("no end-of-central-directory record (not a zip, or zip64)");
    }
}
