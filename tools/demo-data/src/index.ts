export {
  demoCatalogue,
  type DemoAccount,
  type DemoCatalogue,
  type DemoOutage,
  type DemoPaymentService,
  type DemoSite,
} from './lib/catalogue';
export { DEMO_DEFAULTS, generateDemoCases, type DemoCase, type DemoOptions } from './lib/demo-cases';
