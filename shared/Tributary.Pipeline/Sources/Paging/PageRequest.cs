namespace Tributary.Sources.Paging;

/// <summary>Where the next page is: a page number, an offset, a cursor, or a whole next URL given by the vendor.</summary>
public sealed record PageRequest(int Number, int PageNumber, int Offset, string? Cursor, Uri? NextUrl);
