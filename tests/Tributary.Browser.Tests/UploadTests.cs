using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Tributary.Browser.Tests;

/// <summary>
/// The upload page against the real stack: a CSV with good and bad rows goes to the push source city-counters with
/// its local upload key, the page shows the counts and rejects the API answered, and the accepted rows are curated;
/// a wrong key and a file that is not a CSV are refused with messages that name the input at fault.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class UploadTests(DashboardStack stack)
{
    private const string Source = "city-counters";
    private const string Key = "local-city-counters-key";

    [Fact]
    public async Task A_csv_with_good_and_bad_rows_shows_the_api_counts_and_rejects_and_its_rows_land()
    {
        var ct = TestContext.Current.CancellationToken;
        // Times and values no other test uploads, so this is never a duplicate of another test's bytes.
        var csv = "time,city,cyclists,pedestrians\n" +
                  "2026-11-19T07:00:00Z,oslo,131,417\n" +
                  "2026-11-19T08:00:00Z,bergen,77,\n" +
                  "yesterday,oslo,3,4\n" +
                  "2026-11-19T09:00:00Z,atlantis,5,6\n" +
                  "2026-11-19T10:00:00Z,oslo,many,250\n";
        var bytes = Encoding.UTF8.GetBytes(csv);

        await using var tab = await stack.OpenAsync($"#/upload");
        await tab.WaitForPageAsync("upload");
        await tab.MarkDocumentAsync();
        Assert.Equal(Source, await tab.Page.Locator("#upload-source").InputValueAsync());
        Assert.Contains($"source={Source}", await tab.Page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("password", await tab.Page.Locator("#upload-key").GetAttributeAsync("type"));
        Assert.Equal("Upload key", await tab.Page.Locator("label[for='upload-key']").InnerTextAsync());

        await tab.Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "counters.csv", MimeType = "text/csv", Buffer = bytes });
        Assert.Contains("counters.csv", await tab.Page.Locator("#upload-chosen").InnerTextAsync());
        await tab.Page.Locator("#upload-key").FillAsync(Key);
        var response = await tab.Page.RunAndWaitForResponseAsync(() => tab.Page.Locator("#upload-submit").ClickAsync(),
            r => r.Url.Contains($"/api/v1/ingest/{Source}") && r.Request.Method == "POST");
        Assert.Equal(202, response.Status);
        using var receipt = JsonDocument.Parse(await response.TextAsync());
        var summary = receipt.RootElement.GetProperty("summary");
        await tab.Page.Locator("#upload-receipt").WaitForAsync();
        await tab.WaitForPageAsync("upload");
        await tab.AssertSameDocumentAsync();

        // The counts the API answered, and what this file must give: 5 rows, 3 rejects (a bad time, an unknown
        // city, a count that is not a number), the remaining values accepted.
        Assert.Equal((5, 3), (summary.GetProperty("rows").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        Assert.Equal(summary.GetProperty("rows").GetInt32().ToString(CultureInfo.InvariantCulture), await tab.Page.Locator("#upload-rows").GetAttributeAsync("data-value"));
        Assert.Equal(summary.GetProperty("observations").GetInt32().ToString(CultureInfo.InvariantCulture), await tab.Page.Locator("#upload-accepted").GetAttributeAsync("data-value"));
        Assert.Equal("3", await tab.Page.Locator("#upload-rejected").GetAttributeAsync("data-value"));
        Assert.Contains(summary.GetProperty("observations").GetInt32().ToString(CultureInfo.InvariantCulture), await tab.Page.Locator("#upload-accepted dd").InnerTextAsync());

        // Each reject with its line and the API's reason, word for word.
        var rejects = summary.GetProperty("rejects").EnumerateArray().ToList();
        Assert.Equal(3, rejects.Count);
        Assert.Equal(3, await tab.Page.Locator("#upload-rejects tbody tr").CountAsync());
        foreach (var reject in rejects)
        {
            var locator = reject.GetProperty("locator").GetString()!;
            var row = tab.Page.Locator($"#upload-rejects tbody tr[data-locator='{locator}']");
            Assert.Equal(reject.GetProperty("reason").GetString(), (await row.Locator("td.upload-reason").InnerTextAsync()).Trim());
            Assert.Equal(locator.Split(':')[0].Replace("line ", "", StringComparison.Ordinal), (await row.Locator("td").First.InnerTextAsync()).Trim());
        }
        Assert.Contains(rejects, r => r.GetProperty("locator").GetString() == "line 4:time");
        Assert.Contains(rejects, r => r.GetProperty("locator").GetString() == "line 5:city");
        Assert.Contains(rejects, r => r.GetProperty("locator").GetString() == "line 6:cyclists");
        Assert.Equal("4", await tab.Page.Locator("#upload-rejects tbody tr[data-locator='line 4:time']").GetAttributeAsync("data-line"));

        // The columns' completeness as the API computed it.
        foreach (var column in summary.GetProperty("columns").EnumerateArray())
        {
            var share = (column.GetProperty("completeness").GetDouble() * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";
            Assert.Equal(share, (await tab.Page.Locator($"#upload-columns tr[data-column='{column.GetProperty("name").GetString()}'] td").Last.InnerTextAsync()).Trim());
        }

        // The accepted rows really land: the raw page holds the file's bytes, and its curated page counts the
        // accepted observations and the rejects.
        var blob = receipt.RootElement.GetProperty("blob").GetString()!;
        Assert.Equal(blob, await tab.Page.Locator("#upload-receipt").GetAttributeAsync("data-blob"));
        using var http = stack.App.Client();
        Assert.Equal(bytes, await DrillData.RawBytesAsync(http, blob, ct));
        var day = receipt.RootElement.GetProperty("receivedUtc").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await CuratedPageAsync(http, day, blob, ct);
        Assert.Equal(summary.GetProperty("observations").GetInt32(), page.GetProperty("quality").GetProperty("observations").GetInt32());
        Assert.Equal(3, page.GetProperty("quality").GetProperty("rejected").GetInt32());

        // The key was used for this upload only: not in the URL, not in storage.
        var kept = await tab.Page.EvaluateAsync<string>("() => location.href + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        Assert.DoesNotContain(Key, kept);
        await tab.KeepScreenshotAsync("upload-receipt");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_message_naming_the_key()
    {
        await using var tab = await stack.OpenAsync("#/upload");
        await tab.WaitForPageAsync("upload");
        await tab.Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "wrong-key.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("time,city,cyclists,pedestrians\n2026-11-18T11:00:00Z,oslo,1,2\n"),
        });
        await tab.Page.Locator("#upload-key").FillAsync("not-the-key");
        var response = await tab.Page.RunAndWaitForResponseAsync(() => tab.Page.Locator("#upload-submit").ClickAsync(), r => r.Url.Contains("/api/v1/ingest/"));
        Assert.Equal(401, response.Status);
        var problem = tab.Page.Locator("#upload-problem[data-status='401']");
        await problem.WaitForAsync();
        Assert.Equal("key", await problem.GetAttributeAsync("data-input"));
        Assert.Contains("The upload key was not accepted for city-counters", await problem.InnerTextAsync());
        Assert.Contains("The upload key was not accepted", await tab.Page.Locator("#upload-key-error").InnerTextAsync());
        Assert.Equal("true", await tab.Page.Locator("#upload-key").GetAttributeAsync("aria-invalid"));
        Assert.Equal("upload-key", await tab.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(0, await tab.Page.Locator("#upload-receipt").CountAsync());
        // Chromium logs the refused request itself; the page logs nothing else.
        tab.AssertNoConsoleErrors("401");
    }

    [Fact]
    public async Task A_file_that_is_not_a_csv_is_refused_before_sending_naming_the_file()
    {
        await using var tab = await stack.OpenAsync("#/upload");
        await tab.WaitForPageAsync("upload");
        var ingests = 0;
        tab.Page.Request += (_, request) => { if (request.Url.Contains("/api/v1/ingest/")) Interlocked.Increment(ref ingests); };

        await tab.Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] });
        Assert.Contains("“photo.png” (image/png) is not a CSV file", await tab.Page.Locator("#upload-file-error").InnerTextAsync());
        Assert.Equal("true", await tab.Page.Locator("#upload-file").GetAttributeAsync("aria-invalid"));

        // Dropped on the drop zone, a text file is refused the same way; a CSV dropped there is taken.
        await DropAsync(tab, "notes.txt", "text/plain", "hello");
        Assert.Contains("“notes.txt” (text/plain) is not a CSV file", await tab.Page.Locator("#upload-file-error").InnerTextAsync());
        await tab.Page.Locator("#upload-key").FillAsync(Key);
        await tab.Page.Locator("#upload-submit").ClickAsync();
        Assert.Contains("Choose a CSV file", await tab.Page.Locator("#upload-file-error").InnerTextAsync());
        Assert.Equal(0, ingests);

        await DropAsync(tab, "dropped.csv", "text/csv", "time,city,cyclists,pedestrians\n2026-11-18T12:00:00Z,bergen,8,9\n");
        Assert.Contains("Chosen: dropped.csv", await tab.Page.Locator("#upload-chosen").InnerTextAsync());
        Assert.Equal("", await tab.Page.Locator("#upload-file-error").InnerTextAsync());
        var response = await tab.Page.RunAndWaitForResponseAsync(() => tab.Page.Locator("#upload-submit").ClickAsync(), r => r.Url.Contains("/api/v1/ingest/"));
        Assert.Equal(202, response.Status);
        await tab.Page.Locator("#upload-receipt").WaitForAsync();
        Assert.Equal("0", await tab.Page.Locator("#upload-rejected").GetAttributeAsync("data-value"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Fits_a_phone_without_sideways_scrolling()
    {
        await using var tab = await stack.OpenAsync("#/upload", width: 390, height: 844);
        await tab.WaitForPageAsync("upload");
        await tab.AssertFitsScreenAsync("the upload page");
        await tab.KeepScreenshotAsync("upload-phone");
        tab.AssertNoConsoleErrors();
    }

    /// <summary>Drops one file on the drop zone as a browser would (a DataTransfer holding a File).</summary>
    private static Task DropAsync(DashboardPage tab, string name, string type, string text) =>
        tab.Page.EvaluateAsync(@"([name, type, text]) => {
            const zone = document.querySelector('#upload-drop');
            const data = new DataTransfer();
            data.items.add(new File([text], name, { type }));
            for (const kind of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
        }", new[] { name, type, text });

    /// <summary>Waits until the upload's page is curated (it appears in the day's quality pages).</summary>
    private static async Task<JsonElement> CuratedPageAsync(HttpClient http, string day, string blob, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var pages = JsonDocument.Parse(await http.GetStringAsync($"api/v1/quality/{Source}/pages?day={day}", ct));
            foreach (var page in pages.RootElement.GetProperty("pages").EnumerateArray())
            {
                if (page.GetProperty("rawBlob").GetString() == blob) return page.Clone();
            }
            Assert.True(DateTime.UtcNow < deadline, $"the upload {blob} was not curated within 60 s");
            await Task.Delay(250, ct);
        }
    }
}
