/** Provider id of every GoGrid driver and model (the registry id for compute and load balancers alike). */
export const GOGRID = 'gogrid';
