// Key Vault in RBAC mode for the vendor secrets. A secret is written only when its value is given, so a
// deployment without a vendor key neither creates an empty secret nor overwrites one set earlier.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@secure()
@description('OpenAQ API key; empty leaves the secret out.')
param openAqApiKey string = ''

@secure()
@description('Entur partner OAuth2 client secret; empty leaves the secret out.')
param enturPartnerClientSecret string = ''

@description('Secret name for the OpenAQ API key.')
param openAqApiKeySecretName string

@description('Secret name for the Entur partner client secret (the entur-partner manifest reads it by this name).')
param enturPartnerClientSecretName string

@secure()
@description('The admin key (admin operations, the app\'s admin host key); empty leaves the secret out.')
param adminKey string = ''

@description('Secret name for the admin key (app setting Admin__Keys references it).')
param adminKeySecretName string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource openAqApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(openAqApiKey)) {
  parent: vault
  name: openAqApiKeySecretName
  properties: {
    value: openAqApiKey
    contentType: 'text/plain'
  }
}

resource enturPartnerClientSecretResource 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(enturPartnerClientSecret)) {
  parent: vault
  name: enturPartnerClientSecretName
  properties: {
    value: enturPartnerClientSecret
    contentType: 'text/plain'
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(adminKey)) {
  parent: vault
  name: adminKeySecretName
  properties: {
    value: adminKey
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output vaultUri string = vault.properties.vaultUri
