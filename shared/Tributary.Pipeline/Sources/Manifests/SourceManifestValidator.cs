using System.Text.RegularExpressions;

namespace Tributary.Sources.Manifests;

/// <summary>Checks a manifest at start-up; every problem names the source and the field (<c>Sources:OpenAq:Auth:SecretName</c>).</summary>
public static partial class SourceManifestValidator
{
    public static IEnumerable<string> Validate(string key, SourceManifest m)
    {
        var at = $"Sources:{key}";
        if (!SourceId().IsMatch(m.Id)) yield return $"{at}:Id '{m.Id}' must be 2-40 lower-case letters, digits or '-'.";
        if (m.BaseUrl is not { IsAbsoluteUri: true } || m.BaseUrl.Scheme is not ("http" or "https"))
        {
            yield return $"{at}:BaseUrl '{m.BaseUrl}' must be an absolute http(s) URL.";
        }
        if (!m.Request.Path.StartsWith('/')) yield return $"{at}:Request:Path '{m.Request.Path}' must start with '/'.";
        if (m.Request.Kind == RequestKind.GraphQL && string.IsNullOrWhiteSpace(m.Request.GraphQLQuery))
        {
            yield return $"{at}:Request:GraphQLQuery is required for a GraphQL request.";
        }
        if (m.Request.Kind == RequestKind.Post && string.IsNullOrWhiteSpace(m.Request.Body))
        {
            yield return $"{at}:Request:Body is required for a POST request.";
        }
        foreach (var header in m.Request.Headers.Keys.Where(IsCredentialHeader))
        {
            yield return $"{at}:Request:Headers:{header} looks like a credential; declare it under Auth with a SecretName instead.";
        }

        if (m.FanOut.Over == FanOutKind.Items && m.FanOut.Items.Count == 0) yield return $"{at}:FanOut:Items is empty.";
        for (var i = 0; i < m.FanOut.Items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(m.FanOut.Items[i].Id)) yield return $"{at}:FanOut:Items:{i}:Id is required.";
        }

        switch (m.Auth.Kind)
        {
            case AuthKind.ApiKeyHeader or AuthKind.ApiKeyQuery:
                if (string.IsNullOrWhiteSpace(m.Auth.Name)) yield return $"{at}:Auth:Name (the header or parameter for the key) is required.";
                if (string.IsNullOrWhiteSpace(m.Auth.SecretName)) yield return $"{at}:Auth:SecretName is required.";
                break;
            case AuthKind.Basic:
                if (string.IsNullOrWhiteSpace(m.Auth.Username)) yield return $"{at}:Auth:Username is required for basic auth.";
                if (string.IsNullOrWhiteSpace(m.Auth.SecretName)) yield return $"{at}:Auth:SecretName is required.";
                break;
            case AuthKind.OAuth2ClientCredentials:
                if (string.IsNullOrWhiteSpace(m.Auth.TokenUrl)) yield return $"{at}:Auth:TokenUrl is required for OAuth2.";
                if (string.IsNullOrWhiteSpace(m.Auth.ClientId)) yield return $"{at}:Auth:ClientId is required for OAuth2.";
                if (string.IsNullOrWhiteSpace(m.Auth.SecretName)) yield return $"{at}:Auth:SecretName (the client secret) is required.";
                break;
        }

        var p = m.Paging;
        if (p.MaxPages is < 1 or > 10_000) yield return $"{at}:Paging:MaxPages {p.MaxPages} must be 1..10000.";
        if (p.Kind is PagingKind.PageNumber or PagingKind.Offset)
        {
            if (p.PageSize < 1) yield return $"{at}:Paging:PageSize must be positive.";
            if (string.IsNullOrWhiteSpace(p.ItemsPath)) yield return $"{at}:Paging:ItemsPath is required to detect the last page.";
        }
        if (p.Kind == PagingKind.Cursor && string.IsNullOrWhiteSpace(p.CursorPath)) yield return $"{at}:Paging:CursorPath is required.";
        if (p.Kind == PagingKind.NextUrl && string.IsNullOrWhiteSpace(p.NextUrlPath)) yield return $"{at}:Paging:NextUrlPath is required.";
        if (p.Kind == PagingKind.GraphQLPageInfo)
        {
            if (m.Request.Kind != RequestKind.GraphQL) yield return $"{at}:Paging:Kind GraphQLPageInfo needs Request:Kind GraphQL.";
            if (string.IsNullOrWhiteSpace(p.PageInfoPath)) yield return $"{at}:Paging:PageInfoPath is required.";
        }

        if (m.Window.LookbackHours < 0 || m.Window.AheadHours < 0) yield return $"{at}:Window hours must not be negative.";
        if (m.Window.MaxLookbackHours < m.Window.LookbackHours) yield return $"{at}:Window:MaxLookbackHours must be at least LookbackHours.";
        if (m.RateBudget.Requests < 0 || m.RateBudget.WindowSeconds < 1) yield return $"{at}:RateBudget needs Requests >= 0 and WindowSeconds >= 1.";
        for (var i = 0; i < m.RateBudget.MoreWindows.Count; i++)
        {
            var w = m.RateBudget.MoreWindows[i];
            if (w.Requests < 1 || w.WindowSeconds < 1) yield return $"{at}:RateBudget:MoreWindows:{i} needs Requests >= 1 and WindowSeconds >= 1.";
        }
        if (m.Resilience.MaxRetries is < 0 or > 10) yield return $"{at}:Resilience:MaxRetries must be 0..10.";
        if (m.Resilience.AttemptTimeoutSeconds < 1 || m.Resilience.TotalTimeoutSeconds < m.Resilience.AttemptTimeoutSeconds)
        {
            yield return $"{at}:Resilience timeouts must be positive, and the total at least one attempt.";
        }
    }

    private static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("key", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("secret", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("token", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex SourceId();
}
