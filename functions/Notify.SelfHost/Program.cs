using Notify.SelfHost;

await SelfHostApp.Create(args).RunAsync();
