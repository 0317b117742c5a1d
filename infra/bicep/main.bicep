// Notify on Azure: a Flex Consumption function app (.NET 10 isolated) on identity-only
// storage, with Application Insights and Azure Communication Services Email.
targetScope = 'resourceGroup'

@description('Short prefix for every resource name (letters, digits and hyphens); with azd this is the environment name.')
@minLength(2)
@maxLength(20)
param namePrefix string

@description('Region for everything except the global Communication Services resources; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('AzureManaged: a free *.azurecomm.net sender domain that works at once (5 mails/min, 10/h). Custom: your own domain (30/min, 100/h), verified through DNS before it sends.')
@allowed([
  'AzureManaged'
  'Custom'
])
param emailDomainMode string = 'AzureManaged'

@description('The domain to send from when emailDomainMode is Custom, e.g. notify.example.com.')
param customEmailDomain string = ''

@description('Custom mode only: set to true and deploy again once the domain shows as verified, to link it to Communication Services.')
param customEmailDomainVerified bool = false

@description('Where Communication Services keeps data at rest.')
param dataLocation string = 'United States'

@description('Upper bound of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Display name on outgoing email.')
param senderName string = 'Notify'

@description('Emails sent per minute across the app; keep at or below the ACS quota of the chosen domain.')
@minValue(1)
param emailPerMinute int = 30

@description('Webhook deliveries per minute across the app.')
@minValue(1)
param webhookPerMinute int = 600

@secure()
@minLength(32)
@description('Operator API key for /operator (header X-Notify-Operator-Key). No default: supply a long random value.')
param operatorKey string

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, namePrefix))
var prefix = toLower(namePrefix)
var tags = {
  'azd-env-name': namePrefix
}
var functionAppName = '${prefix}-api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${prefix}-id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${replace(prefix, '-', '')}${resourceToken}', 24)
    deploymentContainerName: deploymentContainerName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${prefix}-log-${resourceToken}'
    applicationInsightsName: '${prefix}-appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module email 'modules/email.bicep' = {
  name: 'email'
  params: {
    emailServiceName: '${prefix}-ecs-${resourceToken}'
    communicationServiceName: '${prefix}-acs-${resourceToken}'
    tags: tags
    emailDomainMode: emailDomainMode
    customEmailDomain: customEmailDomain
    linkCustomDomain: customEmailDomainVerified
    dataLocation: dataLocation
    senderName: senderName
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    communicationServiceName: email.outputs.communicationServiceName
  }
}

module api 'modules/functionApp.bicep' = {
  name: 'api'
  params: {
    name: functionAppName
    planName: '${prefix}-plan-${resourceToken}'
    location: location
    // azd deploys the code of service 'api' (azure.yaml) to the resource with this tag.
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    operatorKey: operatorKey
    // Names are the app's configuration keys with ':' written as '__'.
    appSettings: {
      Notify__Email__Provider: 'Acs'
      Notify__Email__AcsEndpoint: email.outputs.endpoint
      Notify__Email__SenderAddress: email.outputs.senderAddress
      Notify__Email__SenderName: senderName
      Notify__RateLimits__email__PerMinute: string(emailPerMinute)
      Notify__RateLimits__webhook__PerMinute: string(webhookPerMinute)
    }
  }
  // The host starts talking to storage as soon as the app exists; give it its roles first.
  dependsOn: [
    rbac
  ]
}

output apiBaseUrl string = 'https://${api.outputs.defaultHostName}'
output senderAddress string = email.outputs.senderAddress
output functionAppName string = api.outputs.name
output emailServiceName string = email.outputs.emailServiceName
output emailDomainLinked bool = email.outputs.domainLinked
