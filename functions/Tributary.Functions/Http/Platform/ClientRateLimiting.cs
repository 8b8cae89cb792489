using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tributary.Functions.Http.Platform;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by <see cref="ClientAddress"/>. It runs inside the function invocation
/// (see <see cref="ClientRateLimitMiddleware"/>) rather than in front of the worker's ASP.NET Core pipeline: a
/// request answered there would never start its invocation, which the host would then wait for and fail.
/// </summary>
internal static class ClientRateLimiting
{
    /// <summary>Set by the middleware when the invocation's function is not rate limited.</summary>
    public static readonly object ExemptKey = new();

    public static void Configure(RateLimiterOptions limiter, ClientRateLimitOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            !options.Enabled || http.Items.ContainsKey(ExemptKey)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        limiter.OnRejected = async (rejected, _) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : 60;
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await HttpProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This client may make {options.PermitsPerMinute} requests a minute; try again in {seconds} s.");
        };
    }

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimitOptions>>((limiter, options) => Configure(limiter, options.Value));
        return services;
    }
}
