@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags { *: string }

// One identity for storage, deployment, telemetry and email, so every role assignment
// can be made before the function app exists and nothing depends on a system identity.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
