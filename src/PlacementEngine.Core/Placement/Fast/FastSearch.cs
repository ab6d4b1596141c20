namespace PlacementEngine.Core;

/// <summary>
/// The fast solver's search, in steps:
/// 1. List each job's cheapest pools (<see cref="CandidateGenerator"/>).
/// 2. Start from the plan that zero prices give (alongside step 3's plan).
/// 3. Flow phase (<see cref="PlacementFlow"/>): the most penalty placing can avoid, and prices that bound the
///    optimum within about what the placed jobs cost; a plan built the flow's way on the real ledger
///    (<see cref="AugmentingPlan"/>), improved locally. When the best plan is then within the target gap, the search ends here.
/// 4. Subgradient phase (<see cref="SubgradientSearch"/>): value the Lagrangian, step the node and GPU prices, fit
///    the team surcharges to them; every few iterations build two plans from the prices, one per
///    <see cref="PlanOrder"/>, and add the pools the prices point to (<see cref="ColumnPricing"/>).
///    Ends at the target gap, the iteration budget, or the caller's signal.
/// 5. Polish phase (<see cref="PricePolish"/>): coordinate ascent from the best prices, a plan from them after each
///    round, until those plans stop gaining;
///    skipped when the prices are far below the flow's bound (<see cref="PriceWork"/>) and local search alone brings
///    the plan within the target of that bound.
/// 6. Improve the best plan of each order locally (<see cref="LocalSearch"/>), re-choose the jobs of teams short of
///    money (<see cref="TeamKnapsack"/>), keep the better; bound it rigorously at the best of the prices seen
///    (<see cref="BoundEvaluator"/>).
/// 7. A few jobs: branch and bound from the best plan (<see cref="ExactSearch"/>), proving it optimal.
/// </summary>
internal sealed class FastSearch(PreparedProblem problem, FastSolverOptions options, CancellationToken cancellationToken)
{
    private const int PlanEvery = 20;
    private const int PriceColumnsEvery = 10;
    private const int PriceColumnsRarest = 80;
    // Iterations between local searches inside the loop at least (each about 40 ms on L), and how far above the
    // target gap a plan may be for one: local search took 1.0-1.2% off L seeds 7 and 8 contended.
    private const int LocalTryEvery = 60;
    private const double LocalTryMargin = 0.02;
    private const long LocalSearchWorkPerCandidate = 8;
    // Rounds of the teams' repair at most: on L seed 6 the gap was 6.88% after one round, 6.46% after two, 6.22% after four.
    private const int RepairRounds = 4;
    // Local-search passes in a row at most: on L seeds 5 and 7 the fifth gained nothing.
    private const int LocalSearchRounds = 6;

    public FastSearchOutcome Run()
    {
        var shouldStop = () => cancellationToken.IsCancellationRequested || (options.ShouldStop?.Invoke() ?? false);

        // 1. Candidate lists.
        var lists = new CandidateList[problem.Jobs.Length];
        JobChunks.Run(lists.Length, (_, from, to) =>
        {
            var generator = new CandidateGenerator(problem.Empty);
            for (var j = from; j < to; j++)
            {
                lists[j] = generator.Cheapest(problem.Jobs[j], options.CandidatesPerJob);
            }
        });
        var table = new CandidateTable(problem, lists);
        var teamFit = new CoordinateAscent(problem);
        var search = new SubgradientSearch(problem, table, teamFit);
        var primal = new PrimalHeuristic(problem, lists);
        // A second, for the regret order's plans built beside the worth order's (each holds its own sort buffers).
        var byRegretPrimal = new PrimalHeuristic(problem, lists);
        var pricing = new ColumnPricing(problem, lists);

        // 2-3. The plan of zero prices, the flow's bound, and the augmenting plan (improved locally). The plan needs
        // only the flow's kinds, not its result, so on two cores the two sides run at once.
        var evaluator = new BoundEvaluator(problem, lists);
        var flow = new PlacementFlow(problem);
        var flowBound = 0m;
        FastSolution zeroPrices = null!, augmenting = null!;
        Both(
            () =>
            {
                zeroPrices = primal.Build(search.Duals, table, PlanOrder.Worth);
                flow.Run();
                flowBound = BoundAt(flow.Prices);
            },
            () =>
            {
                augmenting = AugmentingPlan.Build(problem, flow.Kinds);
                new LocalSearch(problem, lists).Improve(augmenting, LocalSearchWorkPerCandidate * table.Count, cancellationToken);
            });
        var best = Better(augmenting, zeroPrices);
        if (best == zeroPrices)
        {
            ImproveLocally(best);
        }
        // The best plan of each order (plans made otherwise count with the worth order's): the final improvement
        // runs on both, since the one ahead before it is not always ahead after it (L seed 7 contended).
        var byWorth = best;
        FastSolution? byRegret = null;
        var closeEnough = WithinTarget(flowBound);
        Tell("flow", flowBound);

        // 4. Subgradient phase.
        var iterations = 0;
        // The highest value at any prices: over lists that were still short, too high if anything, which only makes
        // the test of whether the prices could still beat the flow's bound more cautious.
        var highestValue = double.NegativeInfinity;
        var columns = 0;
        var pricingEvery = PriceColumnsEvery;
        var nextPricing = pricingEvery;
        var nextProof = 0;
        // A bound over every pool the loop proved, when it ended on one.
        var loopBound = decimal.MinValue;
        FastSolution? triedLocally = null;
        var nextLocalTry = 0;
        // Polyak's steps aim at the best plan the prices built (or the start): a plan improved locally inside the loop
        // would shorten them, and on L seed 5 that made the prices need 240 more iterations.
        var stepTarget = best.Objective;
        while (!closeEnough && iterations < options.MaxIterations && !shouldStop())
        {
            var value = search.Evaluate();
            highestValue = Math.Max(highestValue, value);
            iterations++;
            if (iterations % PlanEvery == 0)
            {
                BuildPlans(search.Duals, table);
                // The plans from the prices are compared with the bounds before local search, which takes 1-2% off
                // them at the end: once near, the best is improved now, so that it can end the loop (L seed 8
                // contended, with the moves that make way under GPU caps: 1.0 s instead of 4.1).
                if (best != triedLocally && iterations >= nextLocalTry && WithinTarget(Math.Max(flowBound, SafeMargin.Below(search.BestValue)), LocalTryMargin))
                {
                    ImproveLocally(best);
                    triedLocally = best;
                    nextLocalTry = iterations + LocalTryEvery;
                }
                // The flow's bound is rigorous already: a plan within the target of it needs no more prices.
                if (WithinTarget(flowBound))
                {
                    closeEnough = true;
                    break;
                }
            }
            closeEnough = WithinTarget(SafeMargin.Below(search.BestValue));
            // The lists' value says the plan is close; the bound over every pool at those prices can prove it at once.
            // Without this the loop priced columns and stepped once per iteration while the lists caught up (L seed 6
            // contended: 50 iterations, 0.65 s). A failed proof waits as long as a pricing interval before the next.
            if (closeEnough && iterations >= nextProof)
            {
                var atAllPools = BoundAt(search.BestDuals);
                if (WithinTarget(atAllPools))
                {
                    loopBound = atAllPools;
                    break;
                }
                nextProof = iterations + PriceColumnsEvery;
            }
            if (closeEnough || iterations >= nextPricing)
            {
                var added = pricing.AddColumns(search.Duals);
                columns += added;
                // Once the lists hardly grow, pricing every pool again is mostly wasted: look less often.
                pricingEvery = added * 100 < table.Count ? Math.Min(PriceColumnsRarest, pricingEvery * 2) : PriceColumnsEvery;
                nextPricing = iterations + pricingEvery;
                if (added > 0)
                {
                    table = new CandidateTable(problem, lists);
                    search.Use(table);
                    closeEnough = false;
                }
                else if (closeEnough)
                {
                    break;
                }
            }
            search.Step(value, (double)stepTarget);
        }

        Tell("subgradient", flowBound);

        // 5. Polish phase, unless the prices already prove the plan close enough. Prices far below the flow's bound
        // cannot beat it: the plan is improved locally first, and when that alone brings it within the target of the
        // flow's bound, neither polishing the prices nor bounding them is needed.
        var prices = new List<DualPrices> { search.BestDuals, search.Duals };
        var polishNeeded = !closeEnough && iterations > 0;
        if (polishNeeded && !PriceWork.WorthPolishing(highestValue, flowBound))
        {
            ImproveLocally(best);
            polishNeeded = !WithinTarget(flowBound);
        }
        if (polishNeeded)
        {
            var polish = new PricePolish(problem, lists, pricing);
            // Every round's plan may be the best: the last round's is not always.
            var polished = polish.Run(search.BestDuals, ref table, options.PolishRounds, shouldStop, BuildPlans);
            columns += polish.ColumnsAdded;
            prices.Add(polished);
        }

        Tell("polish", flowBound);

        // 6. Improve the plan; bound it.
        cancellationToken.ThrowIfCancellationRequested();
        var pricesCanBound = iterations > 0 && (polishNeeded || !WithinTarget(flowBound));
        if (pricesCanBound)
        {
            foreach (var plan in Finalists())
            {
                ImproveLocally(plan);
            }
            best = Finalists().Aggregate(Better);
        }
        // A bound the loop proved already holds the plan within the target: the prices are not evaluated again for it.
        var bound = Math.Max(flowBound, loopBound);
        if (pricesCanBound && !WithinTarget(bound))
        {
            prices.Add(teamFit.Fitted(search.BestDuals, table));
            bound = Math.Max(bound, prices.Max(evaluator.Evaluate));
        }
        Tell("bound", bound);
        // Only a plan still short of the target is worth the teams' repair; the rest are done.
        if (!WithinTarget(bound))
        {
            FastSolution? repaired = null;
            foreach (var plan in Finalists().ToList())
            {
                var result = Repaired(plan, repaired);
                repaired = repaired is null ? result : Better(repaired, result);
            }
            best = repaired!;
        }
        bound = Math.Min(bound, best.Objective);

        // 7. A few jobs: exactly.
        var proven = false;
        if (problem.Jobs.Length <= options.ExactSearchMaxJobs)
        {
            (best, proven) = new ExactSearch(problem, options.ExactSearchMaxNodes).Run(best);
            bound = proven ? best.Objective : Math.Min(bound, best.Objective);
        }
        Tell("done", bound);
        return new FastSearchOutcome(best, bound, iterations, columns, lists.Sum(l => (long)l.Count), proven);

        // A plan in each order from the prices; each order keeps its best, the better of the two is the best plan. Returns
        // the lower of the two new plans' objectives, which the polish watches for a stall.
        decimal BuildPlans(DualPrices at, CandidateTable on)
        {
            FastSolution worth = null!, regret = null!;
            Both(() => worth = primal.Build(at, on, PlanOrder.Worth), () => regret = byRegretPrimal.Build(at, on, PlanOrder.Regret));
            var lower = Math.Min(worth.Objective, regret.Objective);
            stepTarget = Math.Min(stepTarget, lower);
            byWorth = Better(byWorth, worth);
            byRegret = byRegret is null ? regret : Better(byRegret, regret);
            best = Better(byWorth, byRegret);
            return lower;
        }

        // The bound over every pool at the prices, as they are and with the surcharges fitted to the rest.
        decimal BoundAt(DualPrices at) => Math.Max(evaluator.Evaluate(at), evaluator.Evaluate(teamFit.Fitted(at, table)));

        IEnumerable<FastSolution> Finalists() => byRegret is null || byRegret == byWorth ? [byWorth] : [byWorth, byRegret];

        void ImproveLocally(FastSolution plan) =>
            new LocalSearch(problem, lists).Improve(plan, LocalSearchWorkPerCandidate * table.Count, cancellationToken);

        // Local search goes again while a pass pays (each starts from the moves the last one opened); the teams'
        // repair then runs while a round pays, each round followed by local search in turn, and seats off the lists last.
        // Progress tells the best of the plan, the best before the repairs and an earlier finalist's repair (each only
        // improves on its start), so the objective told never rises.
        FastSolution Repaired(FastSolution plan, FastSolution? earlier)
        {
            ImproveWhilePaying(plan);
            Tell("local search", bound, Lead());
            var knapsack = new TeamKnapsack(problem, primal);
            WhilePaying.Repeat(() =>
            {
                var repaired = knapsack.Improve(plan);
                if (repaired != plan)
                {
                    plan = repaired;
                    ImproveWhilePaying(plan);
                }
            }, () => plan.Objective, RepairRounds);
            Tell("teams' repair", bound, Lead());
            // Seats off the lists: the repairs above and local search see only the pools a job lists.
            if (new PendingEviction(problem).Improve(plan) > 0)
            {
                ImproveWhilePaying(plan);
            }
            Tell("seats off the lists", bound, Lead());
            return plan;

            FastSolution Lead() => Better(Better(best, plan), earlier ?? plan);
        }

        void ImproveWhilePaying(FastSolution plan) => WhilePaying.Repeat(() => ImproveLocally(plan), () => plan.Objective, LocalSearchRounds);

        // The plan being repaired is not the best yet when told of: it becomes it at the end.
        void Tell(string phase, decimal lowerBound, FastSolution? plan = null) =>
            options.Progress?.Invoke(new FastSolverProgress(phase, (plan ?? best).Objective, Math.Min(lowerBound, (plan ?? best).Objective)));

        // Within the target gap, or within it plus a margin: near enough for something that may close the rest.
        bool WithinTarget(decimal lowerBound, double margin = 0) =>
            PlacementGap.Relative(Money.Of(best.Objective), Money.Of(lowerBound)) <= options.TargetGap + margin;
    }

    /// <summary>Runs both at once; a cancellation seen on either side surfaces as itself, as from any other step.</summary>
    private void Both(Action first, Action second)
    {
        try
        {
            Parallel.Invoke(first, second);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }

    private static FastSolution Better(FastSolution a, FastSolution b) => b.Objective < a.Objective ? b : a;
}

internal sealed record FastSearchOutcome(FastSolution Best, decimal LowerBound, int Iterations, int ColumnsAdded, long ListedCandidates, bool ProvenOptimal);
