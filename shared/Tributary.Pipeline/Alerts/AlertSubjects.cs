using System.Text;

namespace Tributary.Alerts;

/// <summary>Subjects become part of RowKeys: characters a key may not hold (a drift field such as <c>a/b</c>) become '_'.</summary>
public static class AlertSubjects
{
    public static string Safe(string subject)
    {
        var text = new StringBuilder(subject.Length);
        foreach (var c in subject) text.Append(c is '/' or '\\' or '#' or '?' or '\'' or '%' || char.IsControl(c) || c > 0x7E ? '_' : c);
        var safe = text.ToString().Trim();
        return safe.Length <= 200 ? safe : safe[..200];
    }
}
