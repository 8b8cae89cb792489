// Tributary on Azure, deployed by `azd up`: a Flex Consumption function app (.NET isolated worker) that runs as one
// user-assigned identity, identity-only storage, Key Vault (RBAC) for vendor secrets, Log Analytics and
// Application Insights with Entra authentication, and a Static Web App that serves the dashboard and proxies
// /api to the function app. No account keys, SAS tokens or storage connection strings are created, read or output.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Region for every resource except the Static Web App. It must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region for the Static Web App (it is offered in fewer regions).')
@allowed([
  'centralus'
  'eastasia'
  'eastus2'
  'westeurope'
  'westus2'
])
param staticWebAppLocation string = 'westeurope'

@description('Resource group name; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Six-field NCRONTAB schedule of the IngestWeather timer (UTC).')
param ingestWeatherSchedule string = '0 5 * * * *'

@description('Six-field NCRONTAB schedule of the IngestDepartures timer (Entur Journey Planner boards, UTC).')
param ingestDeparturesSchedule string = '0 */15 * * * *'

@description('Six-field NCRONTAB schedule of the IngestPartnerDepartures timer (Entur with partner OAuth2, UTC).')
param ingestPartnerDeparturesSchedule string = '0 7,22,37,52 * * * *'

@description('Six-field NCRONTAB schedule of the IngestAirQuality timer (OpenAQ hourly means, UTC).')
param ingestAirQualitySchedule string = '0 20 * * * *'

@description('Six-field NCRONTAB schedule of the IngestTimetable timer (Entur GTFS, published daily, UTC).')
param ingestTimetableSchedule string = '0 30 3 * * *'

@description('Six-field NCRONTAB schedule of the IngestScheduledSources timer, which runs every source added by manifest alone on its own Schedule (UTC).')
param ingestScheduledSourcesSchedule string = '0 * * * * *'

@description('Six-field NCRONTAB schedule of the EvaluateAlerts timer: source staleness, drift and any alert delivery left unqueued (UTC).')
param evaluateAlertsSchedule string = '0 */5 * * * *'

@description('Open-Meteo base URL: the live vendor, or a replay server reachable from Azure.')
param openMeteoBaseUrl string = 'https://api.open-meteo.com'

@description('Open-Meteo Air-Quality base URL: the live vendor, or a replay server reachable from Azure.')
param openMeteoAirQualityBaseUrl string = 'https://air-quality-api.open-meteo.com'

@description('Entur API base URL (Journey Planner), for the open and the partner source.')
param enturBaseUrl string = 'https://api.entur.io'

@description('Entur partner OAuth2 client id. Empty: the entur-partner source stays off (partner access needs onboarding).')
param enturPartnerClientId string = ''

@description('Entur partner OAuth2 token endpoint (client credentials, JSON body with audience).')
param enturPartnerTokenUrl string = 'https://partner.entur.org/oauth/token'

@description('Base URL the Entur national GTFS ZIP is downloaded from.')
param enturGtfsBaseUrl string = 'https://storage.googleapis.com'

@description('OpenAQ API base URL.')
param openAqBaseUrl string = 'https://api.openaq.org'

@description('More application settings (for example other sources\' endpoints); the settings above win on a clash.')
param extraAppSettings object = {}

@secure()
@description('OpenAQ API key (source openaq). Empty: no secret is written.')
param openAqApiKey string = ''

@secure()
@description('Client secret of the Entur partner OAuth2 client (source entur-partner). Empty: no secret is written.')
param enturPartnerClientSecret string = ''

@secure()
@description('The admin key: the app\'s `admin` host key and Key Vault secret `admin-key`, which app setting Admin__Keys references. main.parameters.json has azd generate it once and read it back from Key Vault on later runs. Empty: no admin key (admin operations open with admin tokens only).')
param adminKey string = ''

@description('Issuer admin bearer tokens must name, e.g. https://login.microsoftonline.com/{tenant}/v2.0. Empty: no token is accepted.')
param authIssuer string = ''

@description('Audience admin bearer tokens must name (the API app registration\'s application id URI or client id).')
param authAudience string = ''

@description('OIDC authority whose metadata publishes the signing keys (Entra ID: the issuer URL). Empty: no token is accepted.')
param authAuthority string = ''

@description('Requests one client may make per minute to the public routes (429 with Retry-After after that).')
@minValue(1)
param rateLimitPermitsPerMinute int = 300

@description('Browser origins allowed to call the API directly (the dashboard itself goes through Static Web Apps\' linked backend).')
param corsAllowedOrigins array = []

@description('Upper bound for the function app\'s scale-out.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per function app instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var deploymentContainerName = 'app-package'

// Vendor secrets, by the names the source manifests give (Auth:SecretName). The app reads them from Key Vault itself
// (Tributary__KeyVaultUri, with its managed identity): Linux app setting names cannot hold the '-' these names use.
var openAqApiKeySecretName = 'openaq-api-key'
var enturPartnerClientSecretName = 'entur-partner-client-secret'
// The admin key; the worker reads it as app setting Admin__Keys, a Key Vault reference the platform resolves.
var adminKeySecretName = 'admin-key'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    queueNames: [
      'curate'
      'aggregate'
      'backfill'
      'replay'
      'alerts-out'
      'ingest-now'
    ]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    openAqApiKey: openAqApiKey
    enturPartnerClientSecret: enturPartnerClientSecret
    openAqApiKeySecretName: openAqApiKeySecretName
    enturPartnerClientSecretName: enturPartnerClientSecretName
    adminKey: adminKey
    adminKeySecretName: adminKeySecretName
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The host needs its storage roles, and the app its Key Vault role, before the app first starts.
  dependsOn: [
    rbac
  ]
  params: {
    name: '${abbrs.webSitesFunctions}${resourceToken}'
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    adminKey: adminKey
    corsAllowedOrigins: corsAllowedOrigins
    appSettings: union(extraAppSettings, empty(enturPartnerClientId) ? {} : { Sources__EnturPartner__Auth__ClientId: enturPartnerClientId }, empty(adminKey) ? {} : {
      Admin__Keys: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${adminKeySecretName})'
    }, {
      Auth__Issuer: authIssuer
      Auth__Audience: authAudience
      Auth__Authority: authAuthority
      RateLimit__PermitsPerMinute: string(rateLimitPermitsPerMinute)
      Cors__AllowedOrigins: join(corsAllowedOrigins, ';')
      Tributary__KeyVaultUri: keyVault.outputs.vaultUri
      IngestWeatherSchedule: ingestWeatherSchedule
      IngestDeparturesSchedule: ingestDeparturesSchedule
      IngestPartnerDeparturesSchedule: ingestPartnerDeparturesSchedule
      IngestAirQualitySchedule: ingestAirQualitySchedule
      IngestTimetableSchedule: ingestTimetableSchedule
      IngestScheduledSourcesSchedule: ingestScheduledSourcesSchedule
      EvaluateAlertsSchedule: evaluateAlertsSchedule
      Sources__OpenMeteo__BaseUrl: openMeteoBaseUrl
      Sources__OpenMeteoAirQuality__BaseUrl: openMeteoAirQualityBaseUrl
      Sources__EnturJourneyPlanner__BaseUrl: enturBaseUrl
      Sources__EnturPartner__BaseUrl: enturBaseUrl
      Sources__EnturPartner__Auth__TokenUrl: enturPartnerTokenUrl
      Sources__EnturPartner__Enabled: empty(enturPartnerClientId) ? 'false' : 'true'
      Sources__EnturGtfs__BaseUrl: enturGtfsBaseUrl
      Sources__OpenAq__BaseUrl: openAqBaseUrl
    })
  }
}

module staticWebApp 'modules/staticwebapp.bicep' = {
  name: 'staticwebapp'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}${resourceToken}'
    location: staticWebAppLocation
    tags: tags
    backendResourceId: functionApp.outputs.id
    backendLocation: location
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.vaultUri
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output SERVICE_WEB_NAME string = staticWebApp.outputs.name
output SERVICE_WEB_URI string = 'https://${staticWebApp.outputs.defaultHostName}'
