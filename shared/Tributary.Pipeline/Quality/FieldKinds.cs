namespace Tributary.Quality;

/// <summary>The JSON kinds (or CSV presence) a field may have; a field seen with another kind is a type change.</summary>
[Flags]
public enum FieldKinds
{
    None = 0,
    String = 1,
    Number = 2,
    Boolean = 4,
    Null = 8,
    Object = 16,
    Array = 32,

    /// <summary>A CSV column: present or not, its cells are text.</summary>
    Column = 64,
}
