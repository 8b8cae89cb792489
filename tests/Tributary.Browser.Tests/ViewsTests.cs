using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Tributary.Testing;

namespace Tributary.Browser.Tests;

/// <summary>
/// Saved views against the real stack: a view saved from Explore is listed with what the API stored, its short
/// link reopens Explore with exactly the saved URL state (and Back skips the redirect), an admin deletes it, and a
/// short link to an unknown or deleted view says so.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ViewsTests(DashboardStack stack)
{
    [Fact]
    public async Task A_view_saved_in_explore_is_listed_and_its_short_link_reopens_exactly_that_state()
    {
        var ct = TestContext.Current.CancellationToken;
        // A state far from the defaults: two KPIs (two units), two cities, day grain, a custom range of UTC days.
        var today = DateTime.UtcNow.Date;
        var from = today.AddDays(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var tab = await stack.OpenAsync($"#/explore?kpi=on_time_performance,mean_departure_delay&city=oslo,bergen&grain=day&from={from}&to={to}");
        var chart = new ExploreChart(tab);
        await chart.WaitReadyAsync();
        var page = tab.Page;
        var savedHash = await Hash(page);

        var name = $"Views test {Guid.NewGuid():N}"[..22];
        await page.Locator("#explore-view-name").FillAsync(name);
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("#explore-save").ClickAsync(),
            r => r.Url.EndsWith("/api/v1/views", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(201, response.Status);
        using var created = JsonDocument.Parse(await response.TextAsync());
        var id = created.RootElement.GetProperty("id").GetString()!;
        var createdUtc = created.RootElement.GetProperty("createdUtc").GetDateTimeOffset();
        try
        {
            // The list shows the view as the API stored it.
            await tab.GoAsync("#/views");
            await tab.WaitForPageAsync("views");
            var row = page.Locator($"#views-table tr[data-view='{id}']");
            await Assertions.Expect(row.Locator(".views-name")).ToHaveTextAsync(name);
            await Assertions.Expect(row.Locator(".views-kpis")).ToHaveTextAsync("On-time performance, Mean departure delay", new() { IgnoreCase = true });
            await Assertions.Expect(row.Locator(".views-cities")).ToHaveTextAsync("Oslo, Bergen");
            await Assertions.Expect(row.Locator(".views-range")).ToHaveTextAsync($"{from} to {to} (UTC)");
            await Assertions.Expect(row.Locator(".views-created")).ToHaveTextAsync(createdUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
            Assert.Equal(savedHash, await row.Locator("a.views-open").GetAttributeAsync("href"));
            // Not an admin: no delete.
            Assert.Equal(0, await row.Locator(".views-delete-start").CountAsync());

            // At phone width the list is cards, not a table wider than the screen.
            await using (var phone = await stack.OpenAsync("#/views", 390, 844))
            {
                await phone.WaitForPageAsync("views");
                await Assertions.Expect(phone.Page.Locator($"#views-table tr[data-view='{id}'] .views-open")).ToBeVisibleAsync();
                await phone.AssertFitsScreenAsync("the views page");
                await phone.KeepScreenshotAsync("views-phone");
            }

            // Copy link puts <origin>/#/v/<id> on the clipboard.
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = stack.Address.GetLeftPart(UriPartial.Authority) });
            await row.Locator(".views-copy").ClickAsync();
            await Assertions.Expect(page.Locator("#views-status")).ToHaveTextAsync($"Short link to “{name}” copied.");
            var shortLink = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            Assert.Equal(new Uri(stack.Address, "/#/v/" + id).ToString(), shortLink);

            // Following the short link lands on Explore with exactly the saved state; Back returns to the list,
            // not into the redirect.
            await tab.MarkDocumentAsync();
            await tab.GoAsync("#/v/" + id);
            await chart.WaitReadyAsync();
            Assert.Equal(savedHash, await Hash(page));
            await tab.AssertSameDocumentAsync();
            await page.GoBackAsync();
            await tab.WaitForPageAsync("views");
            Assert.Equal("#/views", await Hash(page));

            // A fresh tab opened at the short link (as a shared link is) gets the same state.
            await using var fresh = await stack.OpenAsync("#/v/" + id);
            await new ExploreChart(fresh).WaitReadyAsync();
            Assert.Equal(savedHash, await Hash(fresh.Page));
            fresh.AssertNoConsoleErrors();
            await tab.KeepScreenshotAsync("views");
            tab.AssertNoConsoleErrors();
        }
        finally
        {
            using var admin = stack.App.Client(PipelineHarness.MasterKey);
            using var _ = await admin.DeleteAsync($"api/v1/views/{id}", ct);
        }
    }

    [Fact]
    public async Task An_admin_deletes_a_view_and_its_short_link_then_says_it_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        var name = $"Delete me {Guid.NewGuid():N}"[..20];
        using var posted = await http.PostAsJsonAsync("api/v1/views", new
        {
            name,
            kpis = new[] { "thermal_comfort" },
            cities = new[] { "oslo" },
            stop = (string?)null,
            grain = "hour",
            range = new { preset = "last-48h" },
            options = new Dictionary<string, string> { ["chart"] = "series" },
        }, ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using var body = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(ct));
        var id = body.RootElement.GetProperty("id").GetString()!;

        await using var tab = await stack.OpenAsync("#/views");
        await tab.WaitForPageAsync("views");
        var page = tab.Page;
        var row = page.Locator($"#views-table tr[data-view='{id}']");
        await Assertions.Expect(row.Locator(".views-range")).ToHaveTextAsync("Last 48 hours");
        Assert.Equal(0, await row.Locator(".views-delete-start").CountAsync());

        await page.Locator("#admin-button").ClickAsync();
        await page.Locator("#admin-key").FillAsync(PipelineHarness.MasterKey);
        await page.Locator("#admin-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#admin-dialog")).Not.ToBeVisibleAsync();

        // Delete asks first; Cancel keeps the view.
        await row.Locator(".views-delete-start").ClickAsync();
        await Assertions.Expect(row.Locator(".views-confirm-text")).ToHaveTextAsync($"Delete “{name}”?");
        await row.Locator(".views-delete-cancel").ClickAsync();
        await Assertions.Expect(row.Locator(".views-delete-start")).ToBeFocusedAsync();

        await row.Locator(".views-delete-start").ClickAsync();
        var deleted = await page.RunAndWaitForResponseAsync(() => row.Locator(".views-delete-confirm").ClickAsync(),
            r => r.Url.EndsWith($"/api/v1/views/{id}", StringComparison.Ordinal) && r.Request.Method == "DELETE");
        Assert.Equal(204, deleted.Status);
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#views-status")).ToHaveTextAsync($"Deleted “{name}”.");
        using var gone = await http.GetAsync($"api/v1/views/{id}", ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // Its short link now says the view does not exist (the API answers 404), and so does a malformed id.
        await tab.GoAsync("#/v/" + id);
        await tab.WaitForPageAsync("v", "error");
        await Assertions.Expect(page.Locator("#page-root [role='alert']")).ToContainTextAsync($"There is no saved view “{id}”.");
        await Assertions.Expect(page.Locator("#page-root a[href='#/views']")).ToBeVisibleAsync();
        await tab.GoAsync("#/v/not-a-view");
        await tab.WaitForPageAsync("v", "error");
        await Assertions.Expect(page.Locator("#page-root [role='alert']")).ToContainTextAsync("There is no saved view “not-a-view”.");
        // The 404 of the deleted view is the one console line Chromium writes for it.
        tab.AssertNoConsoleErrors("404");
    }

    private static Task<string> Hash(IPage page) => page.EvaluateAsync<string>("() => location.hash");
}
