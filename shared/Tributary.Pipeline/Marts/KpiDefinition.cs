namespace Tributary.Marts;

/// <summary>A KPI the mart serves: its id (part of table keys), display name, UCUM unit and meaning.</summary>
public sealed record KpiDefinition(string Id, string Name, string Unit, string Description);
