using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Tributary.Functions.Http.Platform;

namespace Tributary.Functions.Http.Security;

/// <summary>
/// Authorises every invocation of an <see cref="AdminOperationAttribute"/> function in the worker (the host lets
/// them through as anonymous, so that bearer tokens can reach it): an admin key in <c>x-functions-key</c> (or the
/// <c>code</c> query value), or a bearer token that JwtBearer validates and that carries the <c>admin</c> role.
/// Anything else is 401 with <c>WWW-Authenticate</c>, or 403 for a valid token without the role, as problem+json;
/// the function does not run.
/// </summary>
internal sealed partial class AdminGate(HttpFunctionCatalog catalog, AdminAuthorizer authorizer, ILogger<AdminGate> logger)
    : IFunctionsWorkerMiddleware
{
    public const string Scheme = AdminAuthorizer.Scheme;
    public const string KeyHeader = AdminAuthorizer.KeyHeader;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var traits = catalog.For(context.FunctionDefinition);
        if (!traits.IsAdmin)
        {
            await next(context);
            return;
        }
        var http = context.GetHttpContext()
            ?? throw new InvalidOperationException($"Admin operation '{traits.Name}' has no HttpContext; the admin gate must run after the ASP.NET Core integration's middleware.");

        switch (await authorizer.DecideAsync(http))
        {
            case AdminDecision.Allowed:
                await next(context);
                return;
            case AdminDecision.Forbidden:
                LogRefused(logger, traits.Name, "token without the admin role");
                await HttpProblems.WriteAsync(http, StatusCodes.Status403Forbidden, "Forbidden",
                    $"'{traits.Name}' is an admin operation; the token is valid but does not carry the '{AdminTokenOptions.AdminRole}' role.");
                return;
            case var refusal:
                LogRefused(logger, traits.Name, refusal.ToString());
                http.Response.Headers.WWWAuthenticate = refusal == AdminDecision.InvalidToken
                    ? $"{Scheme} error=\"invalid_token\", error_description=\"The token is expired, not signed by a trusted key, or not for this API.\""
                    : Scheme;
                await HttpProblems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized", refusal switch
                {
                    AdminDecision.InvalidToken => $"'{traits.Name}' is an admin operation; the bearer token was refused.",
                    AdminDecision.WrongKey => $"'{traits.Name}' is an admin operation; the key does not open it.",
                    _ => $"'{traits.Name}' is an admin operation: send an admin key in the {KeyHeader} header (or the 'code' query value), or a bearer token with the '{AdminTokenOptions.AdminRole}' role.",
                });
                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin operation {FunctionName} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string functionName, string reason);
}
