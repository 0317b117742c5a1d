using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Notify.Core.Templates;

/// <summary>
/// Fluid builds a range like <c>(1..100000000)</c> as a full array before the step limit can stop the loop, so one
/// tenant template could spend seconds and gigabytes. This rewrite checks a range's size before it is built.
/// </summary>
internal sealed class BoundedRanges : AstRewriter
{
    public const int MaxRangeSize = 10_000;

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new BoundedRangeExpression((RangeExpression)base.VisitRangeExpression(rangeExpression));

    private sealed class BoundedRangeExpression(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            if (to - from >= MaxRangeSize)
            {
                throw new TemplateException($"range ({from}..{to}) has more than {MaxRangeSize} items");
            }

            return await range.EvaluateAsync(context);
        }

        protected override Expression Accept(AstVisitor visitor) => this;
    }
}
