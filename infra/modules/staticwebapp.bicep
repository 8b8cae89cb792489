// The dashboard: a Static Web App (Standard, required for a linked backend) that proxies /api/* to the
// function app, so the browser talks to one origin and the API keeps its /api route prefix.

@description('Static Web App name.')
param name string

@description('Region of the Static Web App (only some regions host Static Web Apps).')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource ID of the function app to link as the /api backend.')
param backendResourceId string

@description('Region of the function app.')
param backendLocation string

resource staticWebApp 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Enabled'
  }

  resource backend 'linkedBackends' = {
    name: 'api'
    properties: {
      backendResourceId: backendResourceId
      region: backendLocation
    }
  }
}

output id string = staticWebApp.id
output name string = staticWebApp.name
output defaultHostName string = staticWebApp.properties.defaultHostname
