// The function app: a Flex Consumption (FC1, Linux) plan and a .NET isolated worker app (runtime
// `dotnet-isolated` 10.0). It runs as the user-assigned identity for everything: the host's storage connection
// (AzureWebJobsStorage__*), the deployment container, the app's own Key Vault reads and Application Insights.
// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and
// the content-share settings, so none of them is set: functionAppConfig carries the runtime and deployment.

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

@description('Client ID of that identity.')
param identityClientId string

@description('Storage account name for AzureWebJobsStorage (identity-based).')
param storageAccountName string

@description('Blob service endpoint of that account.')
param storageBlobEndpoint string

@description('Queue service endpoint of that account.')
param storageQueueEndpoint string

@description('Table service endpoint of that account.')
param storageTableEndpoint string

@description('URL of the blob container Flex Consumption deploys the package from.')
param deploymentContainerUrl string

@description('Application Insights component the app sends telemetry to (Entra-authenticated).')
param applicationInsightsName string

@description('Application settings specific to the app (sources, schedules, the Key Vault URI).')
param appSettings object

@description('Upper bound for scale-out.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@secure()
@description('The admin key, created as the host key named admin; empty creates none.')
param adminKey string = ''

@description('Browser origins the platform\'s CORS allows.')
param corsAllowedOrigins array = []

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
}

// The host settings win over same-named app settings.
var settings = map(
  filter(items(union(appSettings, hostSettings)), setting => setting.key != 'APPLICATIONINSIGHTS_CONNECTION_STRING'),
  setting => {
    name: setting.key
    value: setting.value
  }
)

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The worker runs framework-dependent on the platform's .NET 10 (worker.config.json: `dotnet <app>.dll`),
      // so this version and the project's target framework move together.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
      appSettings: concat(settings, [
        // Not a credential: with local auth disabled it only names the ingestion endpoint; the token comes from
        // the identity in APPLICATIONINSIGHTS_AUTHENTICATION_STRING.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
      ])
    }
  }

  // No basic-auth publishing: azd deploys with an Entra token.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// The admin key as a host key, so the platform accepts it wherever a function key is asked for; the worker's admin
// gate accepts the same value through Admin__Keys (a Key Vault reference to the same secret).
// Bicep's type index has no types for host keys (a long-known gap), so the properties are checked by ARM alone.
#disable-next-line BCP081
resource adminHostKey 'Microsoft.Web/sites/host/functionKeys@2024-04-01' = if (!empty(adminKey)) {
  name: '${functionApp.name}/default/admin'
  properties: {
    name: 'admin'
    value: adminKey
  }
}

output id string = functionApp.id
output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
