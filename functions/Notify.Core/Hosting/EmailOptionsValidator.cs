using System.Net.Mail;
using Microsoft.Extensions.Options;
using Notify.Core.Channels.Email;
using Notify.Core.Channels.Email.Acs;

namespace Notify.Core.Hosting;

/// <summary>Checks <see cref="EmailOptions"/> at start-up so a bad setting fails the host, not the first delivery.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        if (!MailAddress.TryCreate(options.SenderAddress, out _))
        {
            errors.Add($"{EmailOptions.SectionName}:SenderAddress must be an email address (got '{options.SenderAddress}').");
        }

        errors.AddRange(options.Provider switch
        {
            EmailProvider.Acs => ValidateAcs(options),
            EmailProvider.Smtp => ValidateSmtp(options),
            _ => [$"{EmailOptions.SectionName}:Provider must be 'Acs' or 'Smtp'."],
        });
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> ValidateAcs(EmailOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AcsConnectionString))
        {
            if (!AcsConnection.TryParse(options.AcsConnectionString, out _, out var error))
            {
                yield return $"{EmailOptions.SectionName}:AcsConnectionString is invalid: {error}";
            }
        }
        else if (!Uri.TryCreate(options.AcsEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            yield return $"Provider 'Acs' needs {EmailOptions.SectionName}:AcsConnectionString " +
                $"(endpoint=https://…/;accesskey=…) or an https {EmailOptions.SectionName}:AcsEndpoint for Entra ID.";
        }
    }

    private static IEnumerable<string> ValidateSmtp(EmailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            yield return $"Provider 'Smtp' needs {EmailOptions.SectionName}:SmtpHost.";
        }

        if (options.SmtpPort is < 1 or > 65535)
        {
            yield return $"{EmailOptions.SectionName}:SmtpPort must be 1–65535 (got {options.SmtpPort}).";
        }

        if (string.IsNullOrEmpty(options.SmtpUserName) != string.IsNullOrEmpty(options.SmtpPassword))
        {
            yield return $"{EmailOptions.SectionName}:SmtpUserName and SmtpPassword must be set together.";
        }
    }
}
