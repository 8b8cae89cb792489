using Microsoft.Playwright;

namespace Tributary.Browser.Tests;

/// <summary>
/// A dashboard tab: the Playwright page plus what every test checks (console errors, failed requests) and the waits
/// every page supports. Pages mark their state on <c>#page-root</c>: <c>data-page</c> names the page and
/// <c>data-state</c> is <c>loading</c>, <c>ready</c>, <c>empty</c> or <c>error</c>.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    public const float Timeout = 30_000;
    private readonly List<string> _consoleErrors = [];

    public DashboardPage(IPage page, Uri address)
    {
        Page = page;
        Address = address;
        page.SetDefaultTimeout(Timeout);
        page.Console += (_, message) => { if (message.Type == "error") lock (_consoleErrors) _consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => { lock (_consoleErrors) _consoleErrors.Add("uncaught: " + error); };
    }

    public IPage Page { get; }
    public Uri Address { get; }
    public ILocator Root => Page.Locator("#page-root");

    /// <summary>Console errors the page logged; a test that expects none calls <see cref="AssertNoConsoleErrors"/>.</summary>
    public IReadOnlyList<string> ConsoleErrors { get { lock (_consoleErrors) return _consoleErrors.ToList(); } }

    /// <summary>
    /// Fails on console errors, except ones a test expects (e.g. Chromium's own line for a failed request when the
    /// test took the API down).
    /// </summary>
    public void AssertNoConsoleErrors(params string[] expectedFragments)
    {
        var unexpected = ConsoleErrors.Where(e => !expectedFragments.Any(f => e.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(unexpected.Count == 0, "console errors: " + string.Join(" | ", unexpected));
    }

    /// <summary>Waits until page <paramref name="name"/> is shown in <paramref name="state"/> (default ready).</summary>
    public Task WaitForPageAsync(string name, string state = "ready") =>
        Page.Locator($"#page-root[data-page='{name}'][data-state='{state}']").WaitForAsync(new() { Timeout = Timeout });

    /// <summary>Navigates inside the app (no reload) by setting the hash, as a link click would.</summary>
    public Task GoAsync(string hash) => Page.EvaluateAsync("h => { location.hash = h; }", hash);

    /// <summary>Marks the document so <see cref="AssertSameDocumentAsync"/> can tell a reload happened.</summary>
    public Task MarkDocumentAsync() => Page.EvaluateAsync("() => { window.__sameDocument = true; }");

    public async Task AssertSameDocumentAsync() =>
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");

    /// <summary>
    /// Fails when the page scrolls sideways (wider than the viewport, e.g. at phone width), naming up to eight elements
    /// that stick out so the failure points at the culprit.
    /// </summary>
    public async Task AssertFitsScreenAsync(string what)
    {
        if (await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")) return;
        var wide = await Page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => {
                if (e.getBoundingClientRect().right <= window.innerWidth + 0.5) return false;
                // An absolutely placed element escapes a scrolling box that is not its containing block.
                if (getComputedStyle(e).position === 'absolute') return true;
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false;
                return true;
            })
            .slice(0, 8).map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className}: ${Math.round(e.getBoundingClientRect().right)} px`)");
        var width = await Page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.Fail($"{what} scrolls sideways at {width} px: {string.Join("; ", wide)}");
    }

    /// <summary>Keeps a full-page screenshot as a test artifact.</summary>
    public async Task<string> KeepScreenshotAsync(string name)
    {
        Directory.CreateDirectory(DashboardStack.Artifacts);
        var path = Path.Combine(DashboardStack.Artifacts, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, path);
        return path;
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
