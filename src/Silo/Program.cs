Console.Error.WriteLine("sweeps-silo: cluster hosting arrives with the cluster-mode issue.");
return 1;
