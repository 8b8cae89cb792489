using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tributary.Testing;

namespace Tributary.Browser.Tests;

/// <summary>
/// What every page shares, in real Chromium against the real stack: the menu, the theme, admin sign-in, keyboard
/// access, phone width and the honest error when the API is down.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ShellTests(DashboardStack stack)
{
    /// <summary>The pages of the menu, in its order.</summary>
    private static readonly string[] Menu = ["overview", "explore", "sources", "quality", "upload", "views"];

    public static TheoryData<string> MenuPages => new(Menu);

    [Theory]
    [MemberData(nameof(MenuPages))]
    public async Task Each_page_fits_a_phone_screen_with_every_menu_link_in_view(string page)
    {
        await using var tab = await stack.OpenAsync($"#/{page}", width: 390, height: 844);
        await SettledAsync(tab, page);

        await tab.AssertFitsScreenAsync($"#/{page}");
        var links = tab.Page.Locator("nav.site-nav a");
        Assert.Equal(6, await links.CountAsync());
        for (var i = 0; i < 6; i++)
        {
            var box = await links.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"menu link {i} lies outside the screen (x {box.X}, width {box.Width})");
        }
        await tab.KeepScreenshotAsync($"phone-{page}");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_menu_changes_pages_without_reloading_and_marks_the_current_one()
    {
        await using var tab = await stack.OpenAsync("#/overview");
        await SettledAsync(tab, "overview");
        await tab.MarkDocumentAsync();
        foreach (var page in Menu)
        {
            await tab.Page.Locator($"nav.site-nav a[data-page='{page}']").ClickAsync();
            await SettledAsync(tab, page);
            Assert.Equal("page", await tab.Page.Locator($"nav.site-nav a[data-page='{page}']").GetAttributeAsync("aria-current"));
            Assert.Equal(1, await tab.Page.Locator("nav.site-nav a[aria-current='page']").CountAsync());
            Assert.EndsWith(" · Tributary", await tab.Page.TitleAsync());
        }
        await tab.AssertSameDocumentAsync();
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_unknown_page_says_so_and_points_to_the_menu()
    {
        await using var tab = await stack.OpenAsync("#/nowhere");
        await tab.WaitForPageAsync("nowhere", "error");
        await Assertions.Expect(tab.Root).ToContainTextAsync("There is no page \"nowhere\"");
        await Assertions.Expect(tab.Root).ToContainTextAsync("Pick a page from the menu");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content_without_leaving_the_page()
    {
        await using var tab = await stack.OpenAsync("#/overview");
        await SettledAsync(tab, "overview");
        await tab.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await tab.Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.activeElement.getBoundingClientRect().top >= 0"), "the focused skip link is off screen");
        await tab.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("page-root", await tab.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("#/overview", await tab.Page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("ready", await tab.Root.GetAttributeAsync("data-state"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_theme_choice_applies_at_once_survives_a_reload_and_system_follows_the_browser()
    {
        await using var tab = await stack.OpenAsync("#/overview", colorScheme: "light");
        await SettledAsync(tab, "overview");
        var html = tab.Page.Locator("html");
        Assert.Equal("light", await html.GetAttributeAsync("data-theme"));
        var lightBackground = await BackgroundOfBodyAsync(tab.Page);

        await tab.Page.Locator("#theme").SelectOptionAsync("dark");
        Assert.Equal("dark", await html.GetAttributeAsync("data-theme"));
        Assert.NotEqual(lightBackground, await BackgroundOfBodyAsync(tab.Page));

        await tab.Page.ReloadAsync();
        await SettledAsync(tab, "overview");
        Assert.Equal("dark", await html.GetAttributeAsync("data-theme"));
        Assert.Equal("dark", await tab.Page.Locator("#theme").InputValueAsync());

        await tab.Page.Locator("#theme").SelectOptionAsync("system");
        Assert.Equal("light", await html.GetAttributeAsync("data-theme"));
        await tab.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        tab.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Text_meets_the_wcag_aa_contrast_ratio_in_both_themes(string theme)
    {
        await using var tab = await stack.OpenAsync("#/overview", colorScheme: theme);
        await SettledAsync(tab, "overview");
        Assert.Equal(theme, await tab.Page.Locator("html").GetAttributeAsync("data-theme"));

        // Each sample is an element's text colour against the first opaque background behind it.
        var samples = await tab.Page.EvaluateAsync<string[][]>("""
            () => {
              // Composites the semi-transparent backgrounds behind a node down to the first opaque one.
              const rgba = (c) => { const m = c.match(/[\d.]+/g) || []; return m.length < 3 ? [0, 0, 0, 0] : [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
              const background = (node) => {
                const layers = [];
                for (let n = node; n; n = n.parentElement) {
                  const c = rgba(getComputedStyle(n).backgroundColor);
                  if (c[3] > 0) layers.push(c);
                  if (c[3] >= 1) break;
                }
                let [r, g, b] = [255, 255, 255];
                for (const [lr, lg, lb, la] of layers.reverse()) [r, g, b] = [lr * la + r * (1 - la), lg * la + g * (1 - la), lb * la + b * (1 - la)];
                return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
              };
              const picks = ['main h1, main h2', 'main p', '.muted', 'nav.site-nav a', '.brand', '#admin-button', 'a:not(.skip-link)'];
              return picks.flatMap((selector) => [...document.querySelectorAll(selector)].slice(0, 3)
                .filter((n) => n.getClientRects().length > 0)
                .map((n) => [selector, getComputedStyle(n).color, background(n)]));
            }
            """);
        Assert.True(samples.Length >= 6, $"too few text samples: {samples.Length}");
        foreach (var sample in samples)
        {
            var ratio = ContrastRatio(sample[1], sample[2]);
            Assert.True(ratio >= 4.5, $"{sample[0]} in the {theme} theme: {sample[1]} on {sample[2]} has contrast {ratio:F2}, below 4.5");
        }
    }

    [Fact]
    public async Task Admin_sign_in_refuses_an_empty_or_wrong_key_and_keeps_the_right_one_for_this_tab_only()
    {
        await using var tab = await stack.OpenAsync("#/overview");
        await SettledAsync(tab, "overview");
        var button = tab.Page.Locator("#admin-button");
        var dialog = tab.Page.Locator("#admin-dialog");
        var error = tab.Page.Locator("#admin-error");

        await button.ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("admin-key", await tab.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await tab.Page.Locator("#admin-submit").ClickAsync();
        await Assertions.Expect(error).ToHaveTextAsync("Enter the admin key.");

        await tab.Page.Locator("#admin-key").FillAsync("not-the-key");
        await tab.Page.Locator("#admin-submit").ClickAsync();
        await Assertions.Expect(error).ToContainTextAsync("That key was refused");
        Assert.Equal("false", await tab.Page.Locator("html").GetAttributeAsync("data-admin"));

        await tab.Page.Locator("#admin-key").FillAsync(PipelineHarness.MasterKey);
        await tab.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(button).ToHaveTextAsync("Admin: sign out");
        Assert.Equal("true", await tab.Page.Locator("html").GetAttributeAsync("data-admin"));

        // The key lives in this tab's session storage: not in the URL, not in local storage, not in another tab.
        Assert.DoesNotContain(PipelineHarness.MasterKey, tab.Page.Url);
        Assert.Equal(0, await tab.Page.EvaluateAsync<int>("() => localStorage.length && Object.values(localStorage).filter(v => v.includes('tests-master-key')).length"));
        var other = await tab.Page.Context.NewPageAsync();
        await other.GotoAsync(new Uri(stack.Address, "/#/overview").ToString());
        await Assertions.Expect(other.Locator("#admin-button")).ToHaveTextAsync("Admin sign-in");
        await other.CloseAsync();

        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveTextAsync("Admin sign-in");
        Assert.Equal("false", await tab.Page.Locator("html").GetAttributeAsync("data-admin"));
        tab.AssertNoConsoleErrors("401", "Failed to load resource");
    }

    [Fact]
    public async Task Escape_closes_the_admin_dialog_and_focus_returns_to_its_button()
    {
        await using var tab = await stack.OpenAsync("#/overview");
        await SettledAsync(tab, "overview");
        await tab.Page.Locator("#admin-button").FocusAsync();
        await tab.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tab.Page.Locator("#admin-dialog")).ToBeVisibleAsync();
        await tab.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tab.Page.Locator("#admin-dialog")).ToBeHiddenAsync();
        Assert.Equal("admin-button", await tab.Page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Theory]
    [MemberData(nameof(MenuPages))]
    public async Task Each_page_opened_while_the_api_is_down_says_the_api_cannot_be_reached_and_recovers_on_retry(string page)
    {
        // The browser's own network layer fails every API request, as it does when the function app is unreachable;
        // the static site itself is still served (Static Web Apps keeps serving it when the API is down).
        await using var tab = await stack.OpenAsync($"#/{page}", beforeNavigation: p => p.RouteAsync("**/api/**", route => route.AbortAsync()));
        await tab.WaitForPageAsync(page, "error");
        await Assertions.Expect(tab.Root.Locator(".state-error").First).ToContainTextAsync("The API cannot be reached");
        await tab.KeepScreenshotAsync($"api-down-{page}");

        await tab.Page.UnrouteAsync("**/api/**");
        await tab.Root.GetByRole(AriaRole.Button, new() { Name = "Retry" }).First.ClickAsync();
        await SettledAsync(tab, page);
        tab.AssertNoConsoleErrors("net::ERR_FAILED", "Failed to load resource");
    }

    [Fact]
    public async Task Reduced_motion_turns_the_loading_spinner_still()
    {
        // The page's chunk is held back until the test ends, so the router's loading state (with its spinner) stays.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var tab = await stack.OpenAsync("#/overview", reducedMotion: true,
            beforeNavigation: p => p.RouteAsync("**/assets/overview-*.js", async route =>
            {
                await release.Task;
                try { await route.ContinueAsync(); } catch (PlaywrightException) { /* the tab is closing */ }
            }));
        try
        {
            var spinner = tab.Page.Locator(".spinner").First;
            await spinner.WaitForAsync();
            var motion = await spinner.EvaluateAsync<string[]>("n => { const s = getComputedStyle(n); return [s.animationDuration, s.animationIterationCount]; }");
            var seconds = double.Parse(motion[0].TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(seconds < 0.001 && motion[1] == "1", $"the spinner still turns under reduced motion: {motion[0]} x {motion[1]}");
        }
        finally
        {
            release.TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="page"/> has finished loading, with data or honestly empty.</summary>
    private static async Task SettledAsync(DashboardPage tab, string page) =>
        await tab.Page.Locator($"#page-root[data-page='{page}']:is([data-state='ready'], [data-state='empty'])").WaitForAsync(new() { Timeout = DashboardPage.Timeout });

    private static Task<string> BackgroundOfBodyAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    /// <summary>WCAG 2.x contrast ratio of two CSS <c>rgb()</c>/<c>rgba()</c> colours (alpha is ignored: both are opaque here).</summary>
    internal static double ContrastRatio(string foreground, string background)
    {
        var a = RelativeLuminance(foreground);
        var b = RelativeLuminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double RelativeLuminance(string css)
    {
        var match = RgbPattern().Match(css);
        Assert.True(match.Success, $"not an rgb() colour: {css}");
        double Channel(int group)
        {
            var c = double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) / 255;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(2) + 0.0722 * Channel(3);
    }

    [GeneratedRegex(@"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)")]
    private static partial Regex RgbPattern();
}
