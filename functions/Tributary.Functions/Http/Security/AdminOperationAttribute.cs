namespace Tributary.Functions.Http.Security;

/// <summary>
/// Marks an HTTP function as an admin operation (backfill, replay, run a source now, delete a view, alert rules).
/// Such a function is declared <c>AuthorizationLevel.Anonymous</c> to the host, so that a bearer token can reach the
/// worker, and the worker's admin gate lets it run only for a caller with an admin key (the app's <c>admin</c>
/// function key in Azure) or a bearer token carrying the <c>admin</c> role. The OpenAPI document lists both schemes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AdminOperationAttribute : Attribute;
