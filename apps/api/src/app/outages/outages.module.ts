import { Global, Module } from '@nestjs/common';
import { OutagesReader } from './outages.reader';

@Global()
@Module({ providers: [OutagesReader], exports: [OutagesReader] })
export class OutagesModule {}
