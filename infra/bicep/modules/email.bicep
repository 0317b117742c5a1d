param emailServiceName string
param communicationServiceName string
param tags { *: string }

@description('AzureManaged: a free *.azurecomm.net sender domain, ready at once. Custom: your own domain, which must be verified through DNS before it can send.')
@allowed([
  'AzureManaged'
  'Custom'
])
param emailDomainMode string

@description('The domain to send from when emailDomainMode is Custom, e.g. notify.example.com.')
param customEmailDomain string

@description('Link the custom domain to the Communication Services resource. A domain can only be linked once its DNS records are verified, so the first deployment leaves it unlinked.')
param linkCustomDomain bool

@description('Where ACS keeps data at rest, e.g. United States, Europe, UK.')
param dataLocation string

@description('Display name recipients see for the DoNotReply sender.')
param senderName string

var isCustom = emailDomainMode == 'Custom'
var linkDomain = !isCustom || linkCustomDomain

// Communication resources are global; dataLocation decides where their data lives.
resource emailService 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2025-05-01' = {
  parent: emailService
  // An Azure-managed domain must carry exactly this name.
  name: isCustom ? customEmailDomain : 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: isCustom ? 'CustomerManaged' : 'AzureManaged'
    // Tracking rewrites links and adds a pixel; notification mail should arrive as written.
    userEngagementTracking: 'Disabled'
  }
}

// Declared explicitly so the sender the app is configured with exists on a custom domain
// too, and so senderName is what recipients see.
resource doNotReply 'Microsoft.Communication/emailServices/domains/senderUsernames@2025-05-01' = {
  parent: domain
  name: 'donotreply'
  properties: {
    username: 'DoNotReply'
    displayName: senderName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: linkDomain ? [domain.id] : []
  }
}

output emailServiceName string = emailService.name
output communicationServiceName string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderAddress string = '${doNotReply.properties.username}@${domain.properties.mailFromSenderDomain}'
output domainLinked bool = linkDomain
