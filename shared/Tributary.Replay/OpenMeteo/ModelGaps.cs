using Tributary.Replay.Determinism;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// Where a model has no value (the vendor's <c>null</c>s): one gap of 1-2 hours per 100-hour block, kept off the block
/// edges so gaps never join, about 1.5 % of hours.
/// </summary>
internal static class ModelGaps
{
    private const int BlockHours = 100;

    public static bool IsGap(int seed, long stream, GridCell cell, long utcHour)
    {
        var block = Math.DivRem(utcHour, BlockHours, out var hourInBlock);
        if (hourInBlock < 0)
        {
            block--;
            hourInBlock += BlockHours;
        }

        var hash = SeededNoise.Hash(seed, stream, cell.Key, block);
        var gapStart = 1 + (long)(hash % (BlockHours - 3));
        return hourInBlock >= gapStart && hourInBlock < gapStart + 1 + (long)((hash >> 32) % 2);
    }
}
