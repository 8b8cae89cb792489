// Why a KPI bucket has no value, in words. The codes are the API's (stable, snake_case: Tributary.Marts.KpiReasons);
// a code this page does not know yet is still shown, as the API wrote it.

const REASONS: Record<string, string> = {
  no_departures: 'No departures were scheduled or seen in this bucket, so there is nothing to compute from.',
  no_realtime_departures: 'No departure in this bucket had real-time data (actual times), so delays cannot be measured.',
  no_scheduled_departures: 'No departures were scheduled in this bucket, so the share of service delivered is undefined.',
  missing_apparent_temperature: 'No apparent-temperature reading covers this bucket (the weather source sent none for it).',
  missing_pm25: 'No PM2.5 reading covers this bucket (the air-quality source sent none for it).',
  missing_input: 'An input this KPI needs is missing for this bucket.',
};

export function explainReason(code: string | null | undefined): string {
  if (!code) return 'The API gave no value and no reason for it.';
  return REASONS[code] ?? `The API gave no value, with reason "${code}".`;
}
