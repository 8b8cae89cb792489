namespace Tributary.Views;

/// <summary>A view request that cannot be saved or read as asked; <see cref="Field"/> names the field or parameter at fault.</summary>
public sealed class ViewValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
