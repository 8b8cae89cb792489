using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Tributary.Sources.Connectors;

namespace Tributary.Sources.Manifests;

/// <summary>
/// Checks a manifest at start-up, every field of it, so a bad value stops start-up with a message naming its setting
/// (<c>Sources:OpenAq:Resilience:BreakFailureRatio</c>) instead of failing at the first request or run.
/// </summary>
public static partial class SourceManifestValidator
{
    public static IEnumerable<string> Validate(string key, SourceManifest m)
    {
        var at = $"Sources:{key}";
        if (!SourceId().IsMatch(m.Id)) yield return $"{at}:Id '{m.Id}' must be 2-40 lower-case letters, digits or '-'.";
        if (!Enum.IsDefined(m.Kind)) yield return $"{at}:Kind '{m.Kind}' is not one of {string.Join(", ", Enum.GetNames<SourceKind>())}.";
        if (m.Kind == SourceKind.Push)
        {
            // Nothing is requested: the push part and the mapping are all there is to check.
            foreach (var problem in PushSpecValidator.Validate(at, m).Concat(MappingSpecValidator.Validate(at, m))) yield return problem;
            yield break;
        }
        if (m.Push is not null) yield return $"{at}:Push applies only to a source with Kind Push (Kind is {m.Kind}).";
        if (m.BaseUrl is not { IsAbsoluteUri: true } || m.BaseUrl.Scheme is not ("http" or "https"))
        {
            yield return $"{at}:BaseUrl '{m.BaseUrl}' must be an absolute http(s) URL.";
        }
        foreach (var problem in Request($"{at}:Request", m.Request, m.FanOut)
                     .Concat(FanOut($"{at}:FanOut", m.FanOut))
                     .Concat(Auth($"{at}:Auth", m.Auth))
                     .Concat(Paging($"{at}:Paging", m.Paging, m.Request.Kind))
                     .Concat(Window($"{at}:Window", m.Window))
                     .Concat(RateBudget($"{at}:RateBudget", m.RateBudget))
                     .Concat(Resilience($"{at}:Resilience", m.Resilience))
                     .Concat(MappingSpecValidator.Validate(at, m)))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> Request(string at, RequestSpec r, FanOutSpec fanOut)
    {
        if (!Enum.IsDefined(r.Kind)) yield return $"{at}:Kind '{r.Kind}' is not one of {string.Join(", ", Enum.GetNames<RequestKind>())}.";
        if (!r.Path.StartsWith('/')) yield return $"{at}:Path '{r.Path}' must start with '/'.";
        if (r.Kind == RequestKind.GraphQL && string.IsNullOrWhiteSpace(r.GraphQLQuery)) yield return $"{at}:GraphQLQuery is required for a GraphQL request.";
        if (r.Kind == RequestKind.Post && string.IsNullOrWhiteSpace(r.Body)) yield return $"{at}:Body is required for a POST request.";
        if (r.Kind != RequestKind.Post && r.Body is not null) yield return $"{at}:Body is only sent by a POST request (Kind is {r.Kind}).";
        if (r.Kind != RequestKind.GraphQL && (r.GraphQLQuery is not null || r.Variables.Count > 0))
        {
            yield return $"{at}:GraphQLQuery and Variables are only sent by a GraphQL request (Kind is {r.Kind}).";
        }
        if (!MediaTypeHeaderValue.TryParse(r.ContentType, out _)) yield return $"{at}:ContentType '{r.ContentType}' is not a media type.";
        foreach (var header in r.Headers.Keys.Where(IsCredentialHeader))
        {
            yield return $"{at}:Headers:{header} looks like a credential; declare it under Auth with a SecretName instead.";
        }
        foreach (var header in r.Headers.Keys.Where(h => !HeaderName().IsMatch(h))) yield return $"{at}:Headers:{header} is not a valid header name.";
        foreach (var name in r.Query.Keys.Where(string.IsNullOrWhiteSpace)) yield return $"{at}:Query has an empty parameter name '{name}'.";

        var templates = new List<(string Setting, string Template)> { ("Path", r.Path) };
        templates.AddRange(r.Query.Select(q => ($"Query:{q.Key}", q.Value)));
        templates.AddRange(r.Headers.Select(h => ($"Headers:{h.Key}", h.Value)));
        templates.AddRange(r.Variables.Select(v => ($"Variables:{v.Key}", v.Value)));
        if (r.Body is not null) templates.Add(("Body", r.Body));
        foreach (var (setting, template) in templates)
        {
            foreach (var problem in TemplateScope.Problems(template, fanOut)) yield return $"{at}:{setting}: {problem}.";
        }
    }

    private static IEnumerable<string> FanOut(string at, FanOutSpec f)
    {
        if (!Enum.IsDefined(f.Over)) yield return $"{at}:Over '{f.Over}' is not one of {string.Join(", ", Enum.GetNames<FanOutKind>())}.";
        if (f.Over == FanOutKind.Items && f.Items.Count == 0) yield return $"{at}:Items is empty.";
        if (f.Over != FanOutKind.Items && f.Items.Count > 0) yield return $"{at}:Items are listed but Over is {f.Over}, so they would never be fetched.";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < f.Items.Count; i++)
        {
            var item = f.Items[i];
            if (string.IsNullOrWhiteSpace(item.Id)) yield return $"{at}:Items:{i}:Id is required.";
            else if (!seen.Add(item.Id)) yield return $"{at}:Items:{i}:Id '{item.Id}' is listed twice.";
        }
    }

    private static IEnumerable<string> Auth(string at, AuthSpec a)
    {
        if (!Enum.IsDefined(a.Kind)) yield return $"{at}:Kind '{a.Kind}' is not one of {string.Join(", ", Enum.GetNames<AuthKind>())}.";
        switch (a.Kind)
        {
            case AuthKind.ApiKeyHeader or AuthKind.ApiKeyQuery:
                if (string.IsNullOrWhiteSpace(a.Name)) yield return $"{at}:Name (the header or parameter for the key) is required.";
                else if (a.Kind == AuthKind.ApiKeyHeader && !HeaderName().IsMatch(a.Name)) yield return $"{at}:Name '{a.Name}' is not a valid header name.";
                if (string.IsNullOrWhiteSpace(a.SecretName)) yield return $"{at}:SecretName is required.";
                break;
            case AuthKind.Basic:
                if (string.IsNullOrWhiteSpace(a.Username)) yield return $"{at}:Username is required for basic auth.";
                else if (a.Username.Contains(':')) yield return $"{at}:Username must not contain ':' (RFC 7617).";
                if (string.IsNullOrWhiteSpace(a.SecretName)) yield return $"{at}:SecretName is required.";
                break;
            case AuthKind.OAuth2ClientCredentials:
                if (string.IsNullOrWhiteSpace(a.TokenUrl)) yield return $"{at}:TokenUrl is required for OAuth2.";
                else if (!Uri.TryCreate(a.TokenUrl, UriKind.RelativeOrAbsolute, out var token) || token.IsAbsoluteUri && token.Scheme is not ("http" or "https"))
                {
                    yield return $"{at}:TokenUrl '{a.TokenUrl}' must be an http(s) URL or a path under BaseUrl.";
                }
                if (string.IsNullOrWhiteSpace(a.ClientId)) yield return $"{at}:ClientId is required for OAuth2.";
                if (string.IsNullOrWhiteSpace(a.SecretName)) yield return $"{at}:SecretName (the client secret) is required.";
                if (!Enum.IsDefined(a.TokenRequestFormat)) yield return $"{at}:TokenRequestFormat '{a.TokenRequestFormat}' is not one of {string.Join(", ", Enum.GetNames<TokenRequestFormat>())}.";
                if (a.TokenRefreshMarginSeconds is < 0 or > 3600) yield return $"{at}:TokenRefreshMarginSeconds {a.TokenRefreshMarginSeconds} must be 0..3600.";
                break;
        }
    }

    private static IEnumerable<string> Paging(string at, PagingSpec p, RequestKind request)
    {
        if (!Enum.IsDefined(p.Kind)) yield return $"{at}:Kind '{p.Kind}' is not one of {string.Join(", ", Enum.GetNames<PagingKind>())}.";
        if (p.MaxPages is < 1 or > 10_000) yield return $"{at}:MaxPages {p.MaxPages} must be 1..10000.";
        if (p.Kind is PagingKind.PageNumber or PagingKind.Offset)
        {
            if (p.PageSize is < 1 or > 100_000) yield return $"{at}:PageSize {p.PageSize} must be 1..100000.";
            if (string.IsNullOrWhiteSpace(p.ItemsPath)) yield return $"{at}:ItemsPath is required to detect the last page.";
            if (p.SizeParameter is { } size && string.IsNullOrWhiteSpace(size)) yield return $"{at}:SizeParameter must not be blank.";
        }
        if (p.Kind == PagingKind.PageNumber)
        {
            if (string.IsNullOrWhiteSpace(p.PageParameter)) yield return $"{at}:PageParameter is required.";
            if (p.FirstPage is < 0 or > 1) yield return $"{at}:FirstPage {p.FirstPage} must be 0 or 1.";
        }
        if (p.Kind == PagingKind.Offset && string.IsNullOrWhiteSpace(p.OffsetParameter)) yield return $"{at}:OffsetParameter is required.";
        if (p.Kind is PagingKind.Cursor or PagingKind.GraphQLPageInfo && string.IsNullOrWhiteSpace(p.CursorParameter)) yield return $"{at}:CursorParameter is required.";
        if (p.Kind == PagingKind.Cursor && string.IsNullOrWhiteSpace(p.CursorPath)) yield return $"{at}:CursorPath is required.";
        if (p.Kind == PagingKind.NextUrl && string.IsNullOrWhiteSpace(p.NextUrlPath)) yield return $"{at}:NextUrlPath is required.";
        if (p.Kind == PagingKind.GraphQLPageInfo)
        {
            if (request != RequestKind.GraphQL) yield return $"{at}:Kind GraphQLPageInfo needs Request:Kind GraphQL.";
            if (string.IsNullOrWhiteSpace(p.PageInfoPath)) yield return $"{at}:PageInfoPath is required.";
        }
        if (p.Kind is not PagingKind.None && request == RequestKind.Download) yield return $"{at}:Kind {p.Kind} cannot page a Download.";
    }

    private static IEnumerable<string> Window(string at, WindowSpec w)
    {
        const int year = 24 * 366;
        if (w.LookbackHours is < 0 or > year) yield return $"{at}:LookbackHours {w.LookbackHours} must be 0..{year}.";
        if (w.AheadHours is < 0 or > year) yield return $"{at}:AheadHours {w.AheadHours} must be 0..{year}.";
        if (w.MaxLookbackHours < w.LookbackHours || w.MaxLookbackHours > year) yield return $"{at}:MaxLookbackHours {w.MaxLookbackHours} must be LookbackHours..{year}.";
        if (w.OverlapHours < 0 || w.OverlapHours > w.MaxLookbackHours) yield return $"{at}:OverlapHours {w.OverlapHours} must be 0..MaxLookbackHours.";
    }

    private static IEnumerable<string> RateBudget(string at, RateBudgetSpec b)
    {
        const int month = 31 * 86400;
        if (b.Requests < 0) yield return $"{at}:Requests {b.Requests} must not be negative (0 means no budget of our own).";
        if (b.WindowSeconds is < 1 or > month) yield return $"{at}:WindowSeconds {b.WindowSeconds} must be 1..{month}.";
        if (b.MaxWaitSeconds is < 0 or > 3600) yield return $"{at}:MaxWaitSeconds {b.MaxWaitSeconds} must be 0..3600.";
        if (!Enum.IsDefined(b.Headers)) yield return $"{at}:Headers '{b.Headers}' is not one of {string.Join(", ", Enum.GetNames<RateLimitHeaders>())}.";
        for (var i = 0; i < b.MoreWindows.Count; i++)
        {
            var w = b.MoreWindows[i];
            if (w.Requests < 1) yield return $"{at}:MoreWindows:{i}:Requests {w.Requests} must be at least 1.";
            if (w.WindowSeconds is < 1 or > month) yield return $"{at}:MoreWindows:{i}:WindowSeconds {w.WindowSeconds} must be 1..{month}.";
        }
    }

    /// <summary>The ranges Polly itself enforces (it would otherwise throw at the first request), tightened to what makes sense for a source.</summary>
    private static IEnumerable<string> Resilience(string at, ResilienceSpec r)
    {
        if (r.AttemptTimeoutSeconds is < 1 or > 600) yield return $"{at}:AttemptTimeoutSeconds {r.AttemptTimeoutSeconds} must be 1..600.";
        if (r.TotalTimeoutSeconds < r.AttemptTimeoutSeconds || r.TotalTimeoutSeconds > 3600)
        {
            yield return $"{at}:TotalTimeoutSeconds {r.TotalTimeoutSeconds} must be AttemptTimeoutSeconds..3600 (at least one attempt).";
        }
        if (r.MaxRetries is < 0 or > 10) yield return $"{at}:MaxRetries {r.MaxRetries} must be 0..10.";
        if (!double.IsFinite(r.BaseDelaySeconds) || r.BaseDelaySeconds is < 0 or > 60) yield return $"{at}:BaseDelaySeconds {r.BaseDelaySeconds} must be 0..60.";
        if (!double.IsFinite(r.BreakFailureRatio) || r.BreakFailureRatio is <= 0 or > 1) yield return $"{at}:BreakFailureRatio {r.BreakFailureRatio} must be above 0 and at most 1.";
        if (r.BreakDurationSeconds is < 1 or > 86400) yield return $"{at}:BreakDurationSeconds {r.BreakDurationSeconds} must be 1..86400.";
    }

    private static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("key", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("secret", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("token", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex SourceId();

    // RFC 9110 token characters.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    internal static partial Regex HeaderName();
}
