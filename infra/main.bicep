// Tributary on Azure, deployed by `azd up`: a Flex Consumption function app (custom handler) that runs as one
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

@description('Open-Meteo base URL: the live vendor, or a replay server reachable from Azure.')
param openMeteoBaseUrl string = 'https://api.open-meteo.com'

@description('More application settings (for example other sources\' endpoints); the settings above win on a clash.')
param extraAppSettings object = {}

@secure()
@description('OpenAQ API key. Empty: no secret is written and the app setting is left out.')
param openAqApiKey string = ''

@secure()
@description('OAuth2 client secret of the client-credentials source. Empty: no secret, no app setting.')
param oauth2ClientSecret string = ''

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

// Vendor secrets: Key Vault secret name and the app setting that references it.
var openAqApiKeySecret = {
  secretName: 'openaq-api-key'
  appSetting: 'Sources__OpenAQ__ApiKey'
}
var oauth2ClientSecretSecret = {
  secretName: 'oauth2-client-secret'
  appSetting: 'Sources__OAuth2__ClientSecret'
}

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
    oauth2ClientSecret: oauth2ClientSecret
    openAqApiKeySecretName: openAqApiKeySecret.secretName
    oauth2ClientSecretSecretName: oauth2ClientSecretSecret.secretName
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

// Key Vault references resolve with the app's identity, and only for secrets that were actually written.
var keyVaultReferenceSettings = union(
  empty(openAqApiKey)
    ? {}
    : {
        '${openAqApiKeySecret.appSetting}': '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${openAqApiKeySecret.secretName}/)'
      },
  empty(oauth2ClientSecret)
    ? {}
    : {
        '${oauth2ClientSecretSecret.appSetting}': '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${oauth2ClientSecretSecret.secretName}/)'
      }
)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The host needs its storage roles, and Key Vault references their role, before the app first starts.
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
    appSettings: union(extraAppSettings, keyVaultReferenceSettings, {
      Tributary__KeyVaultUri: keyVault.outputs.vaultUri
      IngestWeatherSchedule: ingestWeatherSchedule
      Sources__OpenMeteo__BaseUrl: openMeteoBaseUrl
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
